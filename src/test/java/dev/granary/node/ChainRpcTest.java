package dev.granary.node;

import dev.granary.api.rpc.JwtTokens;
import dev.granary.api.rpc.Permission;
import dev.granary.api.rpc.RpcCall;
import dev.granary.api.rpc.RpcException;
import dev.granary.chain.ChainApi;
import dev.granary.chain.ChainException;
import dev.granary.chain.devnet.DevnetChain;
import dev.granary.chain.devnet.DevnetConfig;
import dev.granary.filecoin.KeyType;
import dev.granary.filecoin.Wallet;
import dev.granary.node.config.ChainConfig;
import dev.granary.node.config.ConfigException;
import dev.granary.node.config.GranaryConfig;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A node on the embedded devnet, driven through its chain and devnet JSON-RPC methods over HTTP. */
@ExtendWith(VertxExtension.class)
class ChainRpcTest {
    @TempDir
    Path repo;

    private Vertx vertx;
    private WebClient http;
    private GranaryNode node;
    private String admin;
    private String read;

    static GranaryConfig manualDevnet() {
        return TestConfigs.embedded().withChain(new ChainConfig("", "", DevnetConfig.manual()));
    }

    @BeforeEach
    void deploy() throws Exception {
        vertx = Vertx.vertx();
        http = WebClient.create(vertx);
        node = GranaryNode.deploy(vertx, repo, manualDevnet()).await(30, TimeUnit.SECONDS);
        admin = Files.readString(repo.resolve("token")).strip();
        read = new JwtTokens(RepoDir.loadOrCreateJwtSecret(repo)).create(Permission.READ);
    }

    @AfterEach
    void stop() throws Exception {
        node.stop("test").await(10, TimeUnit.SECONDS);
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void readersSeeTheHeadAndTheMinerAndAdminsDriveTheDevnet() throws Exception {
        JsonObject head = rpc(read, "Granary.ChainHead").getJsonObject("result");
        assertEquals(0, head.getLong("epoch"));
        assertTrue(head.getJsonArray("tipset").getString(0).startsWith("bafy2bzace"), head.encode());

        JsonObject miner = rpc(read, "Granary.DevnetMiner").getJsonObject("result");
        assertEquals("t01000", miner.getString("miner"));
        assertEquals("t0101", miner.getString("worker"));
        assertEquals(2048, miner.getLong("sectorSize"));
        assertEquals(node.p2pAddress().orElseThrow().replaceAll(".*/p2p/", ""), miner.getString("peerId"));

        JsonObject advanced = rpc(admin, "Granary.DevnetAdvance", 4).getJsonObject("result");
        assertEquals(4, advanced.getLong("epoch"));
        assertEquals(advanced, rpc(read, "Granary.ChainHead").getJsonObject("result"));

        String client = Wallet.inRepo(repo.resolve("client")).newAddress(KeyType.SECP256K1).format(DevnetChain.NETWORK);
        JsonObject funded = rpc(admin, "Granary.DevnetFund", client, "10 FIL").getJsonObject("result");
        assertEquals("t0102", funded.getString("id"));
        assertEquals("10000000000000000000", funded.getString("balance"));
        JsonObject escrow = rpc(admin, "Granary.DevnetAddEscrow", client, "500 attoFIL").getJsonObject("result");
        assertEquals("500", escrow.getString("escrow"));
        assertEquals("0", escrow.getString("locked"));
    }

    @Test
    void theFaucetAndTheClockNeedAdminAndCheckTheirParams() throws Exception {
        assertEquals(401, http.postAbs(node.apiUrl() + "/rpc/v0").bearerTokenAuthentication(read)
                .sendJsonObject(request("Granary.DevnetAdvance", 1)).await(5, TimeUnit.SECONDS).statusCode());
        assertEquals(-32602, rpc(admin, "Granary.DevnetAdvance", 0).getJsonObject("error").getInteger("code"));
        assertEquals(-32602, rpc(admin, "Granary.DevnetFund", "t0100", "ten").getJsonObject("error").getInteger("code"));
        JsonObject refused = rpc(admin, "Granary.DevnetFund", "t04242", "1 FIL").getJsonObject("error");
        assertEquals(DevnetRpcMethods.CHAIN_ERROR, refused.getInteger("code"));
        assertTrue(refused.getString("message").contains("does not exist"), refused.encode());
    }

    @Test
    void aNodeWithoutLibp2pRegistersNoPeerIdAndCreatesNoKey(@TempDir Path other) throws Exception {
        GranaryNode quiet = GranaryNode.deploy(vertx, other, TestConfigs.withoutP2p()
                .withChain(new ChainConfig("", "", DevnetConfig.manual()))).await(30, TimeUnit.SECONDS);
        try {
            var miner = ((DevnetChain) quiet.chain()).miner().await(10, TimeUnit.SECONDS);
            assertEquals("", miner.peerIdText());
            assertTrue(Files.notExists(other.resolve("keys/libp2p.key")));
            assertTrue(quiet.chain().minerInfo(miner.miner()).await(10, TimeUnit.SECONDS).peerId().isEmpty());
        } finally {
            quiet.stop("test").await(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void anUnreachableChainNodeStopsStartupWithItsAddress(@TempDir Path other) throws Exception {
        int closedPort;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/rpc/v1";
        GranaryConfig lotus = TestConfigs.embedded().withChain(new ChainConfig(url, "t", DevnetConfig.manual()));
        Exception e = assertThrows(Exception.class, () -> GranaryNode.deploy(vertx, other, lotus).await(60, TimeUnit.SECONDS));
        ChainException chain = assertInstanceOf(ChainException.class, e);
        assertEquals(ChainException.Kind.UNREACHABLE, chain.kind());
        assertTrue(chain.getMessage().contains("127.0.0.1:" + closedPort), chain.getMessage());
    }

    @Test
    void devnetMethodsOnAnotherChainSaySoInsteadOfPretending() throws Exception {
        ChainApi notTheDevnet = (ChainApi) Proxy.newProxyInstance(ChainApi.class.getClassLoader(),
                new Class<?>[]{ChainApi.class}, (proxy, method, args) -> method.invoke(node.chain(), args));
        var methods = new DevnetRpcMethods(notTheDevnet).all();
        for (var method : methods) {
            Future<?> answer = method.handler().handle(method.name().equals("Granary.DevnetMiner") ? new JsonArray()
                    : method.name().equals("Granary.DevnetAdvance") ? new JsonArray().add(1)
                    : new JsonArray().add("t0100").add("1 FIL"), new RpcCall(method.name(), 1, Permission.ADMIN));
            Throwable failure = answer.transform(Future::succeededFuture).await(5, TimeUnit.SECONDS).cause();
            RpcException e = assertInstanceOf(RpcException.class, failure, method.name());
            assertTrue(e.getMessage().contains("not the embedded devnet"), e.getMessage());
        }
    }

    private JsonObject rpc(String token, String method, Object... params) throws Exception {
        return http.postAbs(node.apiUrl() + "/rpc/v0").bearerTokenAuthentication(token)
                .sendJsonObject(request(method, params)).await(10, TimeUnit.SECONDS).bodyAsJsonObject();
    }

    private static JsonObject request(String method, Object... params) {
        return new JsonObject().put("jsonrpc", "2.0").put("id", 1).put("method", method)
                .put("params", new JsonArray(java.util.List.of(params)));
    }
}
