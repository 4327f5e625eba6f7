package dev.granary.chain.lotus;

import dev.granary.chain.ChainException.Kind;
import dev.granary.chain.MessageLookup;
import dev.granary.chain.MessageRequest;
import dev.granary.chain.TipSetKey;
import dev.granary.chain.lotus.RecordedLotusNode.Dropped;
import dev.granary.chain.lotus.RecordedLotusNode.Delayed;
import dev.granary.chain.lotus.RecordedLotusNode.Http;
import dev.granary.chain.lotus.RecordedLotusNode.Recorded;
import dev.granary.chain.lotus.RecordedLotusNode.Silent;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.TokenAmount;
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
import java.util.HexFormat;
import java.util.Optional;

import static dev.granary.chain.lotus.LotusTestSupport.assertCall;
import static dev.granary.chain.lotus.LotusTestSupport.await;
import static dev.granary.chain.lotus.LotusTestSupport.failure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pushing messages (at most once) and finding them on chain. */
@ExtendWith(VertxExtension.class)
class LotusChainMessageTest {
    private static final Address WORKER = Address.parse("f1dlifqjlikkfxtsynzqt33pnczsuy2xhwlabxz2i");
    private static final MessageRequest PUBLISH = new MessageRequest(WORKER, Address.parse("f05"), TokenAmount.ZERO, 4,
            HexFormat.of().parseHex("8281"), TokenAmount.parse("0.5 FIL"));
    private static final Cid PUSHED = Cid.parse(recordedCid("Filecoin.MpoolPushMessage", "ok", "CID"));

    private Vertx vertx;
    private RecordedLotusNode node;
    private LotusChain chain;

    @BeforeEach
    void setUp(Vertx vertx) throws Exception {
        this.vertx = vertx;
        node = RecordedLotusNode.deploy(vertx);
        chain = new LotusChain(vertx, node.lotusConfig());
    }

    @AfterEach
    void tearDown() throws Exception {
        await(chain.close());
    }

    @Test
    void pushSendsAnUnsignedMessageForTheNodeToFillAndReturnsTheSignedCid() throws Exception {
        Cid cid = await(chain.pushMessage(PUBLISH));

        assertCall(node, "Filecoin.MpoolPushMessage", """
                [{"Version": 0, "To": "f05", "From": "f1dlifqjlikkfxtsynzqt33pnczsuy2xhwlabxz2i", "Nonce": 0, "Value": "0",
                  "GasLimit": 0, "GasFeeCap": "0", "GasPremium": "0", "Method": 4, "Params": "goE="},
                 {"MaxFee": "500000000000000000"}]""");
        assertEquals(PUSHED, cid, "the SignedMessage's CID, not its inner Message's");
        assertNotEquals(Cid.parse(recordedCid("Filecoin.MpoolPushMessage", "ok", "Message", "CID")), cid);
    }

    @Test
    void aValueAndEmptyParamsAreWrittenAsLotusExpects() throws Exception {
        await(chain.pushMessage(new MessageRequest(WORKER, Address.parse("f01000"), TokenAmount.parse("1.5 FIL"), 0,
                new byte[0], TokenAmount.ZERO)));
        JsonObject message = node.only("Filecoin.MpoolPushMessage").params().getJsonObject(0);
        assertEquals("1500000000000000000", message.getString("Value"));
        assertEquals("", message.getString("Params"));
        assertEquals(new JsonObject().put("MaxFee", "0"), node.only("Filecoin.MpoolPushMessage").params().getJsonObject(1));
    }

    @Test
    void aTokenWithoutSignPermissionTellsTheOperatorWhichPermission() {
        node.script("Filecoin.MpoolPushMessage", new Recorded("missingPermission"));
        var error = failure(chain.pushMessage(PUBLISH), Kind.PERMISSION);
        assertTrue(error.getMessage().contains("lacks the 'sign' permission that Filecoin.MpoolPushMessage needs"), error.getMessage());
        assertTrue(error.getMessage().contains("lotus auth create-token --perm sign"), error.getMessage());
    }

    @Test
    void anMpoolRejectionCarriesLotusReason() {
        node.script("Filecoin.MpoolPushMessage", new Recorded("notEnoughFunds"));
        var error = failure(chain.pushMessage(PUBLISH), Kind.REJECTED);
        assertTrue(error.getMessage().contains("mpool push: not enough funds: 10 < 6152045500000"), error.getMessage());
        assertEquals(1, node.received("Filecoin.MpoolPushMessage").size());
    }

    @Test
    void aPushIsNotRetriedAfterATimeout() throws Exception {
        node.script("Filecoin.MpoolPushMessage", new Silent(), new Recorded("ok"));
        LotusChain impatient = impatient();
        var error = failure(impatient.pushMessage(PUBLISH), Kind.OUTCOME_UNKNOWN);
        assertFalse(error.retryable(), "retrying blindly could send the message twice");
        await(impatient.close());
        assertTrue(error.getMessage().contains("no answer within 300 ms"), error.getMessage());
        assertTrue(error.getMessage().contains("not retried because the node may have accepted the message"), error.getMessage());
        assertEquals(1, node.received("Filecoin.MpoolPushMessage").size(), "a second push would be a second message");
    }

    @Test
    void aPushIsNotRetriedAfterAGatewayErrorOrADroppedConnection() {
        node.script("Filecoin.MpoolPushMessage", new Http(503, "busy"), new Dropped(), new Recorded("ok"));
        failure(chain.pushMessage(PUBLISH), Kind.OUTCOME_UNKNOWN);
        failure(chain.pushMessage(PUBLISH), Kind.OUTCOME_UNKNOWN);
        assertEquals(2, node.received("Filecoin.MpoolPushMessage").size());
    }

    @Test
    void aPushThatCannotConnectIsRetried() throws Exception {
        int closedPort = LotusTransportTest.closedPort(vertx);
        LotusChain unreachable = new LotusChain(vertx, LotusConfig.of("http://127.0.0.1:" + closedPort + "/rpc/v1", "t")
                .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(10)));
        var error = failure(unreachable.pushMessage(PUBLISH), Kind.UNREACHABLE);
        assertTrue(error.getMessage().startsWith("chain node at http://127.0.0.1:" + closedPort + "/rpc/v1 is unreachable: cannot connect"),
                error.getMessage());
        assertTrue(error.getMessage().contains("3 attempts"), "a refused connection never reached the node: " + error.getMessage());
        await(unreachable.close());
    }

    @Test
    void waitMessageAsksForConfidenceWithoutLookbackLimitAndAllowsReplacement() throws Exception {
        MessageLookup lookup = await(chain.waitMessage(PUSHED, 5));

        assertCall(node, "Filecoin.StateWaitMsg", "[{\"/\": \"" + PUSHED + "\"}, 5, -1, true]");
        assertEquals(PUSHED, lookup.message());
        assertTrue(lookup.receipt().ok());
        assertArrayEquals(HexFormat.of().parseHex("82821a004c4b401a004c4b414103"), lookup.receipt().returnValue());
        assertEquals(41035216, lookup.receipt().gasUsed());
        assertEquals(4863286, lookup.height());
        assertEquals(recordedKey("Filecoin.StateWaitMsg", "ok"), lookup.tipSet());
    }

    @Test
    void aMessageThatFailedOnChainStillCompletesWithItsExitCode() throws Exception {
        node.script("Filecoin.StateWaitMsg", new Recorded("failed"));
        MessageLookup lookup = await(chain.waitMessage(PUSHED, 5));
        assertEquals(16, lookup.receipt().exitCode());
        assertArrayEquals(new byte[0], lookup.receipt().returnValue(), "a null Return");
    }

    @Test
    void aReplacedMessageNamesTheCidThatLanded() throws Exception {
        node.script("Filecoin.StateWaitMsg", new Recorded("replaced"));
        MessageLookup lookup = await(chain.waitMessage(PUSHED, 5));
        assertNotEquals(PUSHED, lookup.message());
        assertEquals(Cid.parse(recordedCid("Filecoin.StateWaitMsg", "replaced", "Message")), lookup.message());
    }

    @Test
    void waitingIsLimitedByTheWaitTimeoutNotTheRequestTimeout() throws Exception {
        node.script("Filecoin.StateWaitMsg", new Delayed(900, "ok"));
        LotusChain impatient = impatient();
        assertEquals(PUSHED, await(impatient.waitMessage(PUSHED, 5)).message());
        await(impatient.close());
        assertEquals(1, node.received("Filecoin.StateWaitMsg").size(), "answered after 900 ms, three request timeouts");
    }

    @Test
    void searchMessageLooksFromTheHeadWithoutLimit() throws Exception {
        MessageLookup lookup = await(chain.searchMessage(PUSHED)).orElseThrow();
        assertCall(node, "Filecoin.StateSearchMsg", "[[], {\"/\": \"" + PUSHED + "\"}, -1, true]");
        assertEquals(4863286, lookup.height());
    }

    @Test
    void aMessageNotYetOnChainIsNotFound() throws Exception {
        node.script("Filecoin.StateSearchMsg", new Recorded("null"));
        assertEquals(Optional.empty(), await(chain.searchMessage(PUSHED)));
    }

    /** Ordinary calls time out after 300 ms; waits after 5 s. */
    private LotusChain impatient() {
        return new LotusChain(vertx, node.lotusConfig().withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(5)));
    }

    private static String recordedCid(String method, String reply, String... path) {
        JsonObject at = (JsonObject) Recordings.result(method, reply);
        for (String field : path) {
            at = at.getJsonObject(field);
        }
        return at.getString("/");
    }

    private static TipSetKey recordedKey(String method, String reply) {
        JsonArray cids = ((JsonObject) Recordings.result(method, reply)).getJsonArray("TipSet");
        return new TipSetKey(cids.stream().map(c -> Cid.parse(((JsonObject) c).getString("/"))).toList());
    }
}
