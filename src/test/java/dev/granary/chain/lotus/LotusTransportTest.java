package dev.granary.chain.lotus;

import dev.granary.chain.ChainException.Kind;
import dev.granary.chain.ChainHead;
import dev.granary.chain.lotus.RecordedLotusNode.Dropped;
import dev.granary.chain.lotus.RecordedLotusNode.Http;
import dev.granary.chain.lotus.RecordedLotusNode.Oversized;
import dev.granary.chain.lotus.RecordedLotusNode.Padded;
import dev.granary.chain.lotus.RecordedLotusNode.RpcFailure;
import dev.granary.chain.lotus.RecordedLotusNode.Silent;
import dev.granary.filecoin.Address;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.granary.chain.lotus.LotusTestSupport.await;
import static dev.granary.chain.lotus.LotusTestSupport.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the adapter does when the node, the network or a proxy misbehaves. */
@ExtendWith(VertxExtension.class)
class LotusTransportTest {
    private static final int LIMIT = 64 * 1024;
    private static final String BLOCK = "bafy2bzacedgw6vspxnj6a3klr3e3pgpza3v7j62adrywjczdhawmngeq2rlyu";

    private Vertx vertx;
    private RecordedLotusNode node;
    private LotusChain chain;

    @BeforeEach
    void setUp(Vertx vertx) throws Exception {
        this.vertx = vertx;
        node = RecordedLotusNode.deploy(vertx);
        chain = new LotusChain(vertx, node.lotusConfig().withMaxResponseBytes(LIMIT));
    }

    @AfterEach
    void tearDown() throws Exception {
        await(chain.close());
    }

    /** A loopback port nothing listens on. */
    static int closedPort(Vertx vertx) throws Exception {
        NetServer server = vertx.createNetServer().connectHandler(socket -> socket.close());
        server.listen(0, "127.0.0.1").await(5, TimeUnit.SECONDS);
        int port = server.actualPort();
        server.close().await(5, TimeUnit.SECONDS);
        return port;
    }

    @Test
    void aRejectedTokenIsAPermissionErrorAndNotRetried() {
        node.script("Filecoin.ChainHead", new Http(401, ""));
        var error = failure(chain.head(), Kind.PERMISSION);
        assertTrue(error.getMessage().contains("rejected the API token (HTTP 401 on Filecoin.ChainHead)"), error.getMessage());
        assertTrue(error.getMessage().contains("chain.token"), error.getMessage());
        assertEquals(1, node.received().size());

        node.script("Filecoin.ChainHead", new Http(403, "forbidden"));
        failure(chain.head(), Kind.PERMISSION);
    }

    @Test
    void noTokenSendsNoAuthorizationHeader() throws Exception {
        LotusChain anonymous = new LotusChain(vertx, LotusConfig.of(node.url(), ""));
        await(anonymous.head());
        assertNull(node.only("Filecoin.ChainHead").authorization());
        await(anonymous.close());
    }

    @Test
    void gatewayErrorsAreRetriedUntilTheNodeAnswers() throws Exception {
        node.script("Filecoin.ChainHead", new Http(503, "Service Unavailable"), new Http(502, ""));
        ChainHead head = await(chain.head());
        assertEquals(4863283, head.epoch());
        assertEquals(3, node.received("Filecoin.ChainHead").size(), "two failures, then the answer");
    }

    @Test
    void aNodeThatStaysUnavailableIsUnreachableAfterTheRetries() {
        node.script("Filecoin.ChainHead", new Http(503, ""), new Http(503, ""), new Http(504, ""), new Http(503, ""));
        var error = failure(chain.head(), Kind.UNREACHABLE);
        assertTrue(error.getMessage().startsWith("chain node at " + node.url() + " is unreachable: HTTP 504"), error.getMessage());
        assertTrue(error.getMessage().contains("(Filecoin.ChainHead, 3 attempts)"), error.getMessage());
        assertEquals(3, node.received("Filecoin.ChainHead").size(), "the first attempt and two retries");
    }

    @Test
    void aClosedPortIsUnreachableAfterEveryAttempt() throws Exception {
        int port = closedPort(vertx);
        String url = "http://127.0.0.1:" + port + "/rpc/v1";
        LotusChain down = new LotusChain(vertx, LotusConfig.of(url, "t").withRetries(3, Duration.ofMillis(10), Duration.ofMillis(20)));
        var error = failure(down.walletBalance(Address.parse("f01000")), Kind.UNREACHABLE);
        assertTrue(error.getMessage().startsWith("chain node at " + url + " is unreachable: cannot connect"), error.getMessage());
        assertTrue(error.getMessage().contains("(Filecoin.WalletBalance, 4 attempts)"), error.getMessage());
        assertTrue(error.retryable());
        await(down.close());
    }

    @Test
    void connectionsResetByTheNodeAreRetriedForReads() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        NetServer resetting = vertx.createNetServer().connectHandler(socket -> {
            connections.incrementAndGet();
            socket.handler(data -> socket.close());
        });
        resetting.listen(0, "127.0.0.1").await(5, TimeUnit.SECONDS);
        LotusConfig config = LotusConfig.of("http://127.0.0.1:" + resetting.actualPort(), "t")
                .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(10));
        LotusChain flaky = new LotusChain(vertx, config);

        var error = failure(flaky.head(), Kind.UNREACHABLE);
        assertTrue(error.getMessage().contains("connection lost"), error.getMessage());
        assertEquals(3, connections.get(), "one connection per attempt");

        var push = failure(flaky.pushMessage(LotusChainMessageTestData.PUSH), Kind.OUTCOME_UNKNOWN);
        assertTrue(push.getMessage().contains("not retried"), push.getMessage());
        assertEquals(4, connections.get(), "the push reached the socket once and was not repeated");
        await(flaky.close());
        resetting.close().await(5, TimeUnit.SECONDS);
    }

    @Test
    void aSilentNodeTimesOutOnEveryAttempt() throws Exception {
        node.script("Filecoin.ChainHead", new Silent(), new Silent(), new Silent());
        LotusChain impatient = new LotusChain(vertx, node.lotusConfig().withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(5)));
        var error = failure(impatient.head(), Kind.UNREACHABLE);
        assertTrue(error.getMessage().contains("no answer within 300 ms"), error.getMessage());
        assertEquals(3, node.received("Filecoin.ChainHead").size(), "each attempt reached the node and timed out");
        await(impatient.close());
    }

    @Test
    void aDroppedConnectionIsRetriedForReads() throws Exception {
        node.script("Filecoin.ChainHead", new Dropped());
        assertEquals(4863283, await(chain.head()).epoch());
        assertEquals(2, node.received("Filecoin.ChainHead").size());
    }

    @Test
    void anAnswerOverTheLimitIsRefusedWhetherAnnouncedOrChunked() {
        node.script("Filecoin.ChainHead", new Oversized(LIMIT * 2, false), new Oversized(LIMIT * 2, true));
        var announced = failure(chain.head(), Kind.PROTOCOL);
        assertTrue(announced.getMessage().contains("Filecoin.ChainHead: the chain node's answer is larger than the 65536-byte response limit"),
                announced.getMessage());
        var chunked = failure(chain.head(), Kind.PROTOCOL);
        assertTrue(chunked.getMessage().contains("larger than the 65536-byte response limit"), chunked.getMessage());
        assertEquals(2, node.received("Filecoin.ChainHead").size(), "a size violation is not retried");
    }

    @Test
    void aLargeAnswerWithinTheLimitIsDecodedOffTheEventLoop() throws Exception {
        LotusChain roomy = new LotusChain(vertx, node.lotusConfig());
        node.script("Filecoin.ChainHead", new Padded("ok", 1 << 20));
        assertEquals(4863283, await(roomy.head()).epoch());
        await(roomy.close());
    }

    @Test
    void malformedJsonIsAProtocolErrorNamingTheMethod() {
        node.script("Filecoin.ChainHead", new Http(200, "{\"jsonrpc\":\"2.0\",\"id\":"));
        var error = failure(chain.head(), Kind.PROTOCOL);
        assertTrue(error.getMessage().startsWith("Filecoin.ChainHead: the chain node's answer is not JSON"), error.getMessage());
        assertEquals(1, node.received().size(), "an unreadable answer is not retried");
    }

    @Test
    void anUnreadableFieldIsAProtocolErrorNamingMethodAndField() {
        node.script("Filecoin.ChainHead", new Http(200,
                "{\"jsonrpc\":\"2.0\",\"id\":\"$ID\",\"result\":{\"Cids\":[{\"/\":\"" + BLOCK + "\"}],"
                        + "\"Blocks\":[{\"Timestamp\":1}],\"Height\":\"tall\"}}"));
        var error = failure(chain.head(), Kind.PROTOCOL);
        assertEquals("Filecoin.ChainHead: unreadable result.Height in the chain node's answer: expected an integer, got \"tall\"",
                error.getMessage());
    }

    @Test
    void anAnswerToAnotherRequestIsAProtocolError() {
        node.script("Filecoin.ChainHead", new Http(200, "{\"jsonrpc\":\"2.0\",\"id\":999999,\"result\":null}"));
        var error = failure(chain.head(), Kind.PROTOCOL);
        assertTrue(error.getMessage().contains("answers request 999999"), error.getMessage());
    }

    @Test
    void aWrongEndpointIsAProtocolErrorThatSaysSo() {
        node.script("Filecoin.ChainHead", new Http(404, "<html>not found</html>"));
        var error = failure(chain.head(), Kind.PROTOCOL);
        assertTrue(error.getMessage().contains("answered Filecoin.ChainHead with HTTP 404"), error.getMessage());
        assertTrue(error.getMessage().contains("/rpc/v1"), error.getMessage());
    }

    @Test
    void goJsonRpcErrorsAreRejectionsWithTheNodesMessage() {
        node.script("Filecoin.ChainHead",
                new Http(500, "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error\"}}"),
                new RpcFailure(1, "method 'Filecoin.ChainHead' not found"));
        var parse = failure(chain.head(), Kind.REJECTED);
        assertEquals("Filecoin.ChainHead was refused by the chain node (code -32700): Parse error", parse.getMessage());
        var unknown = failure(chain.head(), Kind.REJECTED);
        assertTrue(unknown.getMessage().contains("method 'Filecoin.ChainHead' not found"), unknown.getMessage());
    }
}
