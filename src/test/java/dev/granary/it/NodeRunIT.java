package dev.granary.it;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The foundation's acceptance points, run against the packaged jar as a real process on embedded defaults. */
class NodeRunIT {
    private static final Duration READY_WITHIN = Duration.ofSeconds(15);
    private static final Duration EXIT_WITHIN = Duration.ofSeconds(10);

    @TempDir
    Path repo;

    @Test
    void startsOnEmbeddedDefaultsAndServesHealthMetricsAndRpc() throws Exception {
        try (GranaryProcess node = GranaryProcess.start(Map.of(), "run", "--repo", repo.toString(), "--api-listen", "127.0.0.1:0",
                "--p2p-listen", GranaryProcess.P2P_LOOPBACK)) {
            String api = node.awaitReady(READY_WITHIN);
            assertEquals(api, Files.readString(repo.resolve("api")).strip());
            assertTrue(Files.exists(repo.resolve("db/granary.db")), "SQLite store created in the repo");

            HttpResponse<String> health = Http.get(api + "/health");
            assertEquals(200, health.statusCode());
            assertEquals("ok", new JsonObject(health.body()).getString("status"));

            String metrics = Http.get(api + "/metrics").body();
            assertTrue(metrics.contains("jvm_memory_used_bytes"), "JVM metrics");
            assertTrue(metrics.contains("vertx_http_server_requests_total"), "Vert.x HTTP metrics");
            assertTrue(metrics.contains("granary_build{version="), "granary_ metrics");

            String readToken = createToken("read");
            JsonObject version = new JsonObject(Http.rpc(api, readToken,
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"Granary.Version\",\"params\":[]}").body());
            assertTrue(version.getJsonObject("result").getString("Version").startsWith("granary/"), version.encode());

            HttpResponse<String> malformed = Http.rpc(api, null, "{\"jsonrpc\":");
            assertEquals(-32700, new JsonObject(malformed.body()).getJsonObject("error").getInteger("code"));

            HttpResponse<String> anonymousShutdown = Http.rpc(api, null, shutdownCall());
            assertEquals(401, anonymousShutdown.statusCode());
            assertTrue(new JsonObject(anonymousShutdown.body()).containsKey("error"));

            HttpResponse<String> readShutdown = Http.rpc(api, readToken, shutdownCall());
            assertEquals(401, readShutdown.statusCode(), "a read token cannot shut the node down");

            HttpResponse<String> adminShutdown = Http.rpc(api, Files.readString(repo.resolve("token")).strip(), shutdownCall());
            assertEquals(200, adminShutdown.statusCode(), adminShutdown.body());
            assertNull(new JsonObject(adminShutdown.body()).getValue("result"));
            assertEquals(0, node.awaitExit(EXIT_WITHIN), node.output());
        }
    }

    @Test
    void sigtermStopsCleanlyWithExitZero() throws Exception {
        try (GranaryProcess node = GranaryProcess.start(Map.of(), "--repo", repo.toString(), "run", "--api-listen", "127.0.0.1:0",
                "--p2p-listen", GranaryProcess.P2P_LOOPBACK)) {
            node.awaitReady(READY_WITHIN);
            node.terminate();
            assertEquals(0, node.awaitExit(EXIT_WITHIN), node.output());
            node.drained(Duration.ofSeconds(5));
            assertTrue(node.output().contains("granary stopped"), node.output());
        }
    }

    @Test
    void unknownConfigKeyStopsStartupNamingTheKey() throws Exception {
        Files.writeString(repo.resolve("config"), "api:\n  lissten: 127.0.0.1:0\n");
        GranaryProcess.Result result = GranaryProcess.runToEnd(Map.of(), EXIT_WITHIN, "run", "--repo", repo.toString(),
                "--p2p-listen", GranaryProcess.P2P_LOOPBACK);
        assertNotEquals(0, result.exitCode());
        assertTrue(result.output().contains("api.lissten"), result.output());
    }

    @Test
    void invalidEnvValueStopsStartupNamingTheKey() throws Exception {
        GranaryProcess.Result result = GranaryProcess.runToEnd(Map.of("GRANARY_API_LISTEN", "nowhere"), EXIT_WITHIN,
                "run", "--repo", repo.toString(), "--p2p-listen", GranaryProcess.P2P_LOOPBACK);
        assertNotEquals(0, result.exitCode());
        assertTrue(result.output().contains("api.listen"), result.output());
    }

    @Test
    void oversizedRequestBodyIsRefusedWith413AndTheNodeKeepsServing() throws Exception {
        try (GranaryProcess node = GranaryProcess.start(Map.of("GRANARY_API_MAX_BODY_BYTES", "1024"),
                "run", "--repo", repo.toString(), "--api-listen", "127.0.0.1:0",
                "--p2p-listen", GranaryProcess.P2P_LOOPBACK)) {
            String api = node.awaitReady(READY_WITHIN);
            HttpResponse<String> tooBig = Http.rpc(api, null, "[" + "1,".repeat(2000) + "1]");
            assertEquals(413, tooBig.statusCode());
            assertTrue(tooBig.body().contains("api.max-body-bytes"), tooBig.body());
            assertEquals(200, Http.get(api + "/health").statusCode());
        }
    }

    @Test
    void secondNodeOnTheSameRepoIsRefused() throws Exception {
        try (GranaryProcess first = GranaryProcess.start(Map.of(), "run", "--repo", repo.toString(), "--api-listen", "127.0.0.1:0",
                "--p2p-listen", GranaryProcess.P2P_LOOPBACK)) {
            first.awaitReady(READY_WITHIN);
            GranaryProcess.Result second = GranaryProcess.runToEnd(Map.of(), Duration.ofSeconds(20),
                    "run", "--repo", repo.toString(), "--api-listen", "127.0.0.1:0",
                    "--p2p-listen", GranaryProcess.P2P_LOOPBACK);
            assertEquals(1, second.exitCode(), second.output());
            assertTrue(second.output().contains("in use"), second.output());
        }
    }

    @Test
    void p2pHostListensAndAnswersNetIdAndNetPing() throws Exception {
        try (GranaryProcess node = GranaryProcess.start(Map.of(), "run", "--repo", repo.toString(),
                "--api-listen", "127.0.0.1:0", "--p2p-listen", GranaryProcess.P2P_LOOPBACK)) {
            node.awaitReady(READY_WITHIN);
            String address = node.p2pAddress();
            assertTrue(address.matches("/ip4/127\\.0\\.0\\.1/tcp/[1-9]\\d*/p2p/12D3Koo\\w+"), address);
            String peerId = address.substring(address.indexOf("/p2p/") + 5);

            GranaryProcess.Result id = GranaryProcess.runToEnd(Map.of(), EXIT_WITHIN, "net", "id", "--repo", repo.toString());
            assertEquals(0, id.exitCode(), id.output());
            assertTrue(id.output().contains(peerId) && id.output().contains(address.replace("/p2p/" + peerId, "")),
                    id.output());

            sendGarbageAndAwaitClose(address);
            GranaryProcess.Result ping = GranaryProcess.runToEnd(Map.of(), EXIT_WITHIN,
                    "net", "ping", address, "--count", "2", "--repo", repo.toString());
            assertEquals(0, ping.exitCode(), ping.output());
            assertTrue(ping.output().contains("pong from " + peerId + " in "), ping.output());

            GranaryProcess.Result peers = GranaryProcess.runToEnd(Map.of(), EXIT_WITHIN,
                    "net", "peers", "--repo", repo.toString());
            assertEquals(0, peers.exitCode(), peers.output());
            assertTrue(peers.output().contains(peerId + "  /ip4/127.0.0.1/tcp/"), "the node pinged itself: " + peers.output());

            GranaryProcess.Result bad = GranaryProcess.runToEnd(Map.of(), EXIT_WITHIN,
                    "net", "ping", "/ip4/127.0.0.1/tcp/1", "--repo", repo.toString());
            assertEquals(2, bad.exitCode(), bad.output());
        }
    }

    /** A hostile peer's bytes close its own connection only; the test goes on against the same process. */
    private static void sendGarbageAndAwaitClose(String p2pAddress) throws Exception {
        String[] parts = p2pAddress.split("/");
        try (java.net.Socket socket = new java.net.Socket(parts[2], Integer.parseInt(parts[4]))) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1, 2, 3});
            try {
                while (socket.getInputStream().read() != -1) {
                    // the node may send its multistream header first; we wait for the close
                }
            } catch (java.net.SocketException reset) {
                // a reset is a close too
            }
        }
    }

    @Test
    void helpWorksForEveryCommand() throws Exception {
        for (String[] args : new String[][]{{"--help"}, {"run", "--help"}, {"stop", "--help"}, {"auth", "--help"},
                {"auth", "create-token", "--help"}, {"net", "id", "--help"}, {"net", "peers", "--help"},
                {"net", "ping", "--help"},
                {"version", "--help"}}) {
            GranaryProcess.Result result = GranaryProcess.runToEnd(Map.of(), EXIT_WITHIN, args);
            assertEquals(0, result.exitCode(), String.join(" ", args) + ": " + result.output());
            assertTrue(result.output().contains("Usage:"), result.output());
        }
    }

    private String createToken(String perm) throws Exception {
        GranaryProcess.Result result = GranaryProcess.runToEnd(Map.of(), EXIT_WITHIN,
                "auth", "create-token", "--repo", repo.toString(), "--perm", perm);
        assertEquals(0, result.exitCode(), result.output());
        String[] lines = result.output().strip().split("\n");
        return lines[lines.length - 1].strip();
    }

    private static String shutdownCall() {
        return "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"Granary.Shutdown\",\"params\":[]}";
    }
}
