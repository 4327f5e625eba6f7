package dev.granary.node;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GranaryNode as an embedding Vert.x application uses it: deploy into an existing Vertx, talk HTTP, stop. */
@ExtendWith(VertxExtension.class)
class GranaryNodeTest {
    @TempDir
    Path repo;

    private Vertx vertx;
    private WebClient http;

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
        http = WebClient.create(vertx);
    }

    @AfterEach
    void tearDown() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void deploysIntoAnExistingVertxAndWritesClientFiles() throws Exception {
        GranaryNode node = GranaryNode.deploy(vertx, repo, TestConfigs.embedded()).await(20, TimeUnit.SECONDS);
        assertTrue(node.apiUrl().matches("http://127\\.0\\.0\\.1:\\d+"), node.apiUrl());
        assertNotEquals("http://127.0.0.1:0", node.apiUrl(), "the real port, not 0");
        assertEquals(node.apiUrl(), Files.readString(repo.resolve("api")).strip());
        assertTrue(Files.readString(repo.resolve("token")).strip().split("\\.").length == 3, "token is a JWT");

        HttpResponse<Buffer> health = http.getAbs(node.apiUrl() + "/health").send().await(5, TimeUnit.SECONDS);
        assertEquals(200, health.statusCode());
        assertEquals(new JsonObject().put("status", "ok"), health.bodyAsJsonObject());
        node.stop("test").await(10, TimeUnit.SECONDS);
    }

    @Test
    void aStoppedNodeReleasesItsRepoAndKeepsItsSecret() throws Exception {
        GranaryNode first = GranaryNode.deploy(vertx, repo, TestConfigs.embedded()).await(20, TimeUnit.SECONDS);
        String firstToken = Files.readString(repo.resolve("token")).strip();
        first.stop("test").await(10, TimeUnit.SECONDS);

        GranaryNode second = GranaryNode.deploy(vertx, repo, TestConfigs.embedded()).await(20, TimeUnit.SECONDS);
        JsonObject verify = rpc(second.apiUrl(), null, new JsonObject().put("jsonrpc", "2.0").put("id", 1)
                .put("method", "Granary.AuthVerify").put("params", new JsonArray().add(firstToken)));
        assertEquals(new JsonArray().add("read").add("write").add("sign").add("admin"), verify.getJsonArray("result"),
                "tokens issued before a restart stay valid");
        second.stop("test").await(10, TimeUnit.SECONDS);
    }

    @Test
    void aRepoInUseIsRefused() throws Exception {
        GranaryNode first = GranaryNode.deploy(vertx, repo, TestConfigs.embedded()).await(20, TimeUnit.SECONDS);
        Exception refused = assertThrows(Exception.class,
                () -> GranaryNode.deploy(vertx, repo, TestConfigs.embedded()).await(20, TimeUnit.SECONDS));
        assertTrue(refused.getMessage().contains("in use"), refused.getMessage());
        first.stop("test").await(10, TimeUnit.SECONDS);
    }

    @Test
    void shutdownOverRpcIsAnsweredThenReported() throws Exception {
        GranaryNode node = GranaryNode.deploy(vertx, repo, TestConfigs.embedded()).await(20, TimeUnit.SECONDS);
        String admin = Files.readString(repo.resolve("token")).strip();
        JsonObject answer = rpc(node.apiUrl(), admin, new JsonObject().put("jsonrpc", "2.0").put("id", "x")
                .put("method", "Granary.Shutdown").put("params", new JsonArray()));
        assertTrue(answer.containsKey("result") && answer.getValue("result") == null, answer.encode());
        assertEquals("Granary.Shutdown over JSON-RPC", node.shutdownRequested().await(5, TimeUnit.SECONDS));
        node.stop("test").await(10, TimeUnit.SECONDS);
    }

    @Test
    void twoNodesShareOneVertxOnSeparateRepos(@TempDir Path otherRepo) throws Exception {
        GranaryNode a = GranaryNode.deploy(vertx, repo, TestConfigs.embedded()).await(20, TimeUnit.SECONDS);
        GranaryNode b = GranaryNode.deploy(vertx, otherRepo, TestConfigs.embedded()).await(20, TimeUnit.SECONDS);
        assertNotEquals(a.apiUrl(), b.apiUrl());
        a.stop("test").await(10, TimeUnit.SECONDS);
        b.stop("test").await(10, TimeUnit.SECONDS);
    }

    @Test
    void lifecycleRecordsReachLocalConsumersAsTheSameInstance() throws Exception {
        MessageCodecs.registerOnce(vertx);
        MessageCodecs.registerOnce(vertx);
        var received = new java.util.concurrent.CompletableFuture<Object>();
        vertx.eventBus().localConsumer("test.address", m -> received.complete(m.body()));
        NodeMessage.Ready sent = new NodeMessage.Ready("http://x", "none");
        vertx.eventBus().send("test.address", sent, MessageCodecs.LOCAL);
        Object got = received.get(5, TimeUnit.SECONDS);
        assertInstanceOf(NodeMessage.Ready.class, got);
        assertTrue(got == sent, "pass-through codec: no copy");
    }

    @Test
    void everyMessageFamilyResolvesToRecords() {
        assertEquals(3, MessageCodecs.records(NodeMessage.class).size());
        for (Class<?> family : MessageCodecs.FAMILIES) {
            assertTrue(MessageCodecs.records(family).stream().allMatch(Class::isRecord));
        }
    }

    private JsonObject rpc(String api, String token, JsonObject request) throws Exception {
        var call = http.postAbs(api + "/rpc/v0");
        if (token != null) {
            call.bearerTokenAuthentication(token);
        }
        return call.sendJsonObject(request).await(5, TimeUnit.SECONDS).bodyAsJsonObject();
    }
}
