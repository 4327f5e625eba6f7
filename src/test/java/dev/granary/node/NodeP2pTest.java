package dev.granary.node;

import dev.granary.node.config.GranaryConfig;
import dev.granary.p2p.P2pConfig;
import dev.granary.p2p.identity.IdentityFile;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The node's libp2p host: listen address in the ready line, persistent identity, and the Net RPC methods. */
class NodeP2pTest {
    private static final String LOOPBACK_ADDRESS = "/ip4/127\\.0\\.0\\.1/tcp/[1-9]\\d*/p2p/";

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
    void theConfiguredLimitsReachTheHost() {
        var host = NodeP2p.hostConfig(new dev.granary.p2p.P2pConfig("/ip4/127.0.0.1/tcp/0", 7, 9,
                java.time.Duration.ofSeconds(3), java.time.Duration.ofMinutes(2)));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("/ip4/127.0.0.1/tcp/0"), host.listen());
        org.junit.jupiter.api.Assertions.assertEquals(7, host.maxConnections());
        org.junit.jupiter.api.Assertions.assertEquals(9, host.maxStreamsPerConnection());
        org.junit.jupiter.api.Assertions.assertEquals(java.time.Duration.ofSeconds(3), host.handshakeTimeout());
        org.junit.jupiter.api.Assertions.assertEquals(java.time.Duration.ofMinutes(2), host.idleTimeout());
    }

    @Test
    void readyAddressNamesTheRepoKeyAndSurvivesRestarts() throws Exception {
        GranaryNode first = deploy(repo, TestConfigs.embedded());
        String peerId = IdentityFile.loadOrCreate(repo).peerId().toString();
        String address = first.p2pAddress().orElseThrow();
        assertTrue(address.matches(LOOPBACK_ADDRESS + peerId), address);
        first.stop("test").await(10, TimeUnit.SECONDS);

        GranaryNode second = deploy(repo, TestConfigs.embedded());
        assertTrue(second.p2pAddress().orElseThrow().endsWith("/p2p/" + peerId), "same identity after a restart");
        second.stop("test").await(10, TimeUnit.SECONDS);
    }

    @Test
    void netIdListsThePeerAndItsAddresses() throws Exception {
        GranaryNode node = deploy(repo, TestConfigs.embedded());
        JsonObject id = call(node, "Granary.NetId").getJsonObject("result");
        String address = node.p2pAddress().orElseThrow();
        assertEquals(address.substring(address.indexOf("/p2p/") + 5), id.getString("ID"));
        assertEquals(new JsonArray().add(address.substring(0, address.indexOf("/p2p/"))), id.getJsonArray("Addrs"));
        node.stop("test").await(10, TimeUnit.SECONDS);
    }

    @Test
    void netPingReachesAnotherNodeAndItself(@TempDir Path otherRepo) throws Exception {
        GranaryNode a = deploy(repo, TestConfigs.embedded());
        GranaryNode b = deploy(otherRepo, TestConfigs.embedded());
        for (String target : new String[]{b.p2pAddress().orElseThrow(), a.p2pAddress().orElseThrow()}) {
            JsonObject answer = call(a, "Granary.NetPing", target);
            assertTrue(answer.getLong("result", -1L) > 0, answer.encode());
        }
        a.stop("test").await(10, TimeUnit.SECONDS);
        b.stop("test").await(10, TimeUnit.SECONDS);
    }

    @Test
    void netPeersListsTheConnectionsOfBothEnds(@TempDir Path otherRepo) throws Exception {
        GranaryNode a = deploy(repo, TestConfigs.embedded());
        GranaryNode b = deploy(otherRepo, TestConfigs.embedded());
        assertEquals(new JsonArray(), call(a, "Granary.NetPeers").getJsonArray("result"));
        String bAddress = b.p2pAddress().orElseThrow();
        assertTrue(call(a, "Granary.NetPing", bAddress).getLong("result", -1L) > 0);

        JsonArray peers = call(a, "Granary.NetPeers").getJsonArray("result");
        assertEquals(1, peers.size(), peers.encode());
        JsonObject peer = peers.getJsonObject(0);
        assertEquals(bAddress.substring(bAddress.indexOf("/p2p/") + 5), peer.getString("ID"));
        assertEquals(new JsonArray().add(bAddress.substring(0, bAddress.indexOf("/p2p/"))), peer.getJsonArray("Addrs"));
        assertEquals("outbound", peer.getString("Direction"));
        assertTrue(peer.getInteger("Streams") >= 0);
        a.stop("test").await(10, TimeUnit.SECONDS);
        b.stop("test").await(10, TimeUnit.SECONDS);
    }

    @Test
    void netPingRejectsAddressesWithoutAPeer() throws Exception {
        GranaryNode node = deploy(repo, TestConfigs.embedded());
        for (String bad : new String[]{"not-a-multiaddr", "/ip4/127.0.0.1/tcp/1"}) {
            assertEquals(-32602, call(node, "Granary.NetPing", bad).getJsonObject("error").getInteger("code"), bad);
        }
        node.stop("test").await(10, TimeUnit.SECONDS);
    }

    @Test
    void emptyListenMeansNoHostAndNetIdSaysSo() throws Exception {
        GranaryNode node = deploy(repo, TestConfigs.withoutP2p());
        assertEquals(Optional.empty(), node.p2pAddress());
        JsonObject error = call(node, "Granary.NetId").getJsonObject("error");
        assertTrue(error.getString("message").contains("p2p.listen is empty"), error.encode());
        assertTrue(Files.notExists(IdentityFile.path(repo)), "no key is created for a node without p2p");
        node.stop("test").await(10, TimeUnit.SECONDS);
    }

    @Test
    void aTakenPortFailsStartupNamingTheSetting(@TempDir Path otherRepo) throws Exception {
        GranaryNode first = deploy(repo, TestConfigs.embedded());
        String taken = first.p2pAddress().orElseThrow().replaceAll("/p2p/.*", "");
        GranaryConfig clash = new GranaryConfig(TestConfigs.embedded().api(), TestConfigs.embedded().store(),
                new P2pConfig(taken), TestConfigs.embedded().log());
        Exception refused = assertThrows(Exception.class, () -> deploy(otherRepo, clash));
        assertTrue(refused.getMessage().contains("p2p.listen=" + taken), refused.getMessage());
        first.stop("test").await(10, TimeUnit.SECONDS);
        deploy(otherRepo, TestConfigs.embedded()).stop("test").await(10, TimeUnit.SECONDS);
    }

    private GranaryNode deploy(Path root, GranaryConfig config) throws Exception {
        return GranaryNode.deploy(vertx, root, config).await(20, TimeUnit.SECONDS);
    }

    private JsonObject call(GranaryNode node, String method, Object... params) throws Exception {
        String admin = Files.readString(node.repoRoot().resolve("token")).strip();
        JsonObject request = new JsonObject().put("jsonrpc", "2.0").put("id", 1).put("method", method)
                .put("params", new JsonArray(java.util.List.of(params)));
        return http.postAbs(node.apiUrl() + "/rpc/v0").bearerTokenAuthentication(admin).sendJsonObject(request)
                .await(10, TimeUnit.SECONDS).bodyAsJsonObject();
    }
}
