package dev.granary.chain.lotus;

import dev.granary.chain.ChainEvent;
import dev.granary.chain.ChainEvent.HeadApplied;
import dev.granary.chain.ChainEvent.HeadReverted;
import dev.granary.chain.ChainException.Kind;
import dev.granary.chain.ChainHead;
import dev.granary.chain.TipSetKey;
import dev.granary.chain.lotus.RecordedLotusNode.RpcFailure;
import dev.granary.chain.lotus.RecordedLotusNode.Subscriber;
import dev.granary.ipld.Cid;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static dev.granary.chain.lotus.LotusTestSupport.await;
import static dev.granary.chain.lotus.LotusTestSupport.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ChainNotify over a real WebSocket: head changes become events, a dropped socket is resubscribed. */
@ExtendWith(VertxExtension.class)
class LotusHeadFollowerTest {
    private static final long H = 4863283;

    private Vertx vertx;
    private RecordedLotusNode node;
    private LotusChain chain;
    private HeadEvents events;

    @BeforeEach
    void setUp(Vertx vertx) throws Exception {
        this.vertx = vertx;
        node = RecordedLotusNode.deploy(vertx);
        chain = new LotusChain(vertx, node.lotusConfig());
        events = HeadEvents.listen(vertx);
    }

    @AfterEach
    void tearDown() throws Exception {
        await(chain.close());
    }

    @Test
    void subscribesWithTheBearerTokenAndPublishesCurrentAndApplied() throws Exception {
        await(chain.start());
        Subscriber subscriber = node.nextSubscriber();
        assertEquals("Bearer " + RecordedLotusNode.TOKEN, subscriber.authorization());
        assertEquals(new JsonArray(), node.only("Filecoin.ChainNotify").params());

        subscriber.send("current");
        assertEquals(new HeadApplied(head("current", 0)), events.next());
        subscriber.send("apply");
        ChainEvent applied = events.next();
        assertEquals(new HeadApplied(head("apply", 0)), applied);
        assertEquals(H + 1, applied.head().epoch());
    }

    @Test
    void aReorgIsRevertThenApplyInTheNodesOrder() throws Exception {
        await(chain.start());
        Subscriber subscriber = node.nextSubscriber();
        subscriber.send("current");
        subscriber.send("apply");
        events.next();
        events.next();

        subscriber.send("reorg");
        assertEquals(new HeadReverted(head("reorg", 0)), events.next());
        assertEquals(new HeadApplied(head("reorg", 1)), events.next());
        assertEquals(new HeadApplied(head("reorg", 2)), events.next());
        assertEquals(2, head("reorg", 1).key().cids().size(), "the fork's tipset has two blocks");
    }

    @Test
    void aDroppedSocketIsResubscribedWithoutRepeatingTheHead() throws Exception {
        await(chain.start());
        Subscriber first = node.nextSubscriber();
        first.send("current");
        assertEquals(new HeadApplied(head("current", 0)), events.next());

        first.drop();
        Subscriber second = node.nextSubscriber();
        assertEquals(2, node.received("Filecoin.ChainNotify").size());
        second.send("current");
        second.send("apply");
        assertEquals(new HeadApplied(head("apply", 0)), events.next(), "the unchanged current head is not published again");

        second.drop();
        Subscriber third = node.nextSubscriber();
        third.send("later");
        assertEquals(new HeadApplied(head("later", 0)), events.next(), "heads missed while away: the new current one");
    }

    @Test
    void resubscribingKeepsTryingWhileTheNodeIsAway() throws Exception {
        await(chain.start());
        Subscriber first = node.nextSubscriber();
        node.rejectWebSockets(503, 2);
        first.drop();
        Subscriber second = node.nextSubscriber();
        assertEquals(4, node.handshakes(), "the first socket, two refused attempts, the one that worked");
        second.send("current");
        assertEquals(new HeadApplied(head("current", 0)), events.next());
    }

    @Test
    void aHeadLostWhileDisconnectedIsReportedReverted() throws Exception {
        await(chain.start());
        Subscriber first = node.nextSubscriber();
        first.send("current");
        first.send("apply");
        events.next();
        ChainEvent applied = events.next();

        first.drop();
        Subscriber second = node.nextSubscriber();
        second.send("current");
        assertEquals(new HeadReverted(applied.head()), events.next(), "the node's head is back at " + H);
        assertEquals(new HeadApplied(head("current", 0)), events.next());
    }

    @Test
    void aChannelClosedByTheNodeIsResubscribed() throws Exception {
        await(chain.start());
        Subscriber first = node.nextSubscriber();
        first.closeChannel();
        Subscriber second = node.nextSubscriber();
        second.send("current");
        assertEquals(new HeadApplied(head("current", 0)), events.next());
        first.closed().await(5, TimeUnit.SECONDS);
    }

    @Test
    void anUnreadableNotificationStartsOverInsteadOfSkippingAHead() throws Exception {
        await(chain.start());
        Subscriber first = node.nextSubscriber();
        first.sendRaw("{\"jsonrpc\":\"2.0\",\"method\":\"xrpc.ch.val\",\"params\":[" + first.channel()
                + ",[{\"Type\":\"apply\",\"Val\":{\"Height\":\"soon\"}}]]}");
        Subscriber second = node.nextSubscriber();
        second.send("current");
        assertInstanceOf(HeadApplied.class, events.next());
    }

    @Test
    void notificationsOfOtherChannelsAreIgnored() throws Exception {
        await(chain.start());
        Subscriber subscriber = node.nextSubscriber();
        subscriber.sendRaw(new JsonObject().put("jsonrpc", "2.0").put("method", "xrpc.ch.val")
                .put("params", new JsonArray().add(subscriber.channel() + 1).add(Recordings.headChanges("later"))).encode());
        subscriber.send("current");
        assertEquals(new HeadApplied(head("current", 0)), events.next());
    }

    @Test
    void closeClosesTheSocket() throws Exception {
        await(chain.start());
        Subscriber subscriber = node.nextSubscriber();
        await(chain.close());
        subscriber.closed().await(5, TimeUnit.SECONDS);
    }

    @Test
    void startIsIdempotent() throws Exception {
        await(chain.start());
        await(chain.start());
        node.nextSubscriber();
        assertEquals(1, node.received("Filecoin.ChainNotify").size());
    }

    @Test
    void aRejectedTokenFailsStartWithPermission() {
        node.rejectWebSockets(401, Integer.MAX_VALUE);
        var error = failure(chain.start(), Kind.PERMISSION);
        assertTrue(error.getMessage().contains("rejected the API token (HTTP 401 on Filecoin.ChainNotify)"), error.getMessage());
    }

    @Test
    void aRefusedSubscriptionFailsStartWithTheNodesReason() {
        node.script("Filecoin.ChainNotify", new RpcFailure(1, "missing permission to invoke 'ChainNotify' (need 'read')"));
        var error = failure(chain.start(), Kind.PERMISSION);
        assertTrue(error.getMessage().contains("lacks the 'read' permission"), error.getMessage());
    }

    @Test
    void aNodeThatIsDownFailsStartAfterTheRetries() throws Exception {
        int port = LotusTransportTest.closedPort(vertx);
        LotusChain down = new LotusChain(vertx, LotusConfig.of("http://127.0.0.1:" + port, "t")
                .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(10)));
        var error = failure(down.start(), Kind.UNREACHABLE);
        assertTrue(error.getMessage().startsWith("chain node at ws://127.0.0.1:" + port + "/rpc/v1 is unreachable"), error.getMessage());
        await(down.close());
    }

    private static ChainHead head(String notification, int change) {
        JsonObject tipSet = Recordings.headChanges(notification).getJsonObject(change).getJsonObject("Val");
        TipSetKey key = new TipSetKey(tipSet.getJsonArray("Cids").stream()
                .map(c -> Cid.parse(((JsonObject) c).getString("/"))).toList());
        long timestamp = tipSet.getJsonArray("Blocks").getJsonObject(0).getLong("Timestamp");
        return new ChainHead(tipSet.getLong("Height"), key, timestamp);
    }
}
