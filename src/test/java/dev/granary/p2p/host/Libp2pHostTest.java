package dev.granary.p2p.host;

import dev.granary.p2p.identity.Ed25519Identity;
import dev.granary.p2p.identity.PeerId;
import dev.granary.p2p.mss.Multistream;
import dev.granary.p2p.multiaddr.Multiaddr;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static dev.granary.p2p.host.HostTesting.ECHO;
import static dev.granary.p2p.host.HostTesting.await;
import static dev.granary.p2p.host.HostTesting.echo;
import static dev.granary.p2p.host.HostTesting.sha256;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Libp2pHostTest {
    private Vertx vertx;
    private final List<Libp2pHost> hosts = new ArrayList<>();

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (Libp2pHost host : hosts) {
            await(host.close(), 10);
        }
        await(vertx.close(), 10);
    }

    private Libp2pHost host(HostConfig config) throws Exception {
        Libp2pHost host = Libp2pHost.create(vertx, Ed25519Identity.generate(), config);
        host.handle(ECHO, HostTesting::serveEcho);
        hosts.add(host);
        await(host.start());
        return host;
    }

    private Libp2pHost host() throws Exception {
        return host(HostConfig.loopback());
    }

    private static Multiaddr address(Libp2pHost host) {
        return host.listenAddresses().get(0);
    }

    private static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    private static Future<Buffer> echoOver(Libp2pHost from, Libp2pHost to, byte[] data) {
        return from.newStream(address(to), ECHO).compose(stream -> {
            var result = io.vertx.core.Promise.<Buffer>promise();
            stream.context().runOnContext(ignored -> echo(stream, data).onComplete(result));
            return result.future();
        });
    }

    @Test
    void listenAddressEndsInOwnPeerIdAndHasRealPort() throws Exception {
        Libp2pHost host = host();
        Multiaddr address = address(host);
        assertEquals(host.peerId(), address.peerId().orElseThrow());
        assertTrue(address.tcpTarget().orElseThrow().port() > 0);
    }

    @Test
    void echoesOneMebibyteWithEqualChecksum() throws Exception {
        Libp2pHost a = host();
        Libp2pHost b = host();
        byte[] data = random(1 << 20, 1);
        Buffer back = await(echoOver(a, b, data));
        assertEquals(sha256(data), sha256(back.getBytes()));
    }

    @Test
    void twentyConcurrentStreamsShareOneConnection() throws Exception {
        Libp2pHost a = host();
        Libp2pHost b = host();
        List<Future<Buffer>> echoes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            echoes.add(echoOver(a, b, random(100_000 + i, i)));
        }
        await(Future.all(echoes));
        for (int i = 0; i < 20; i++) {
            assertArrayEquals(random(100_000 + i, i), echoes.get(i).result().getBytes());
        }
        assertEquals(1, a.connectionCount());
    }

    @Test
    void dialsFromManyThreadsAtOnceShareOneConnection() throws Exception {
        Libp2pHost a = host();
        Libp2pHost b = host();
        int threads = 8;
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<Future<Long>>> pings = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            CompletableFuture<Future<Long>> ping = new CompletableFuture<>();
            pings.add(ping);
            Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                    ping.complete(a.ping(address(b)));
                } catch (InterruptedException e) {
                    ping.completeExceptionally(e);
                }
            });
        }
        go.countDown();
        for (CompletableFuture<Future<Long>> ping : pings) {
            assertTrue(await(ping.get(10, TimeUnit.SECONDS)) > 0);
        }
        assertEquals(1, a.connectionCount(), "concurrent dials to one peer make one connection");
        assertEquals(1, b.connectionCount());
    }

    @Test
    void dialsThePeersAddressesInTurnUntilOneConnects() throws Exception {
        Libp2pHost a = host();
        Libp2pHost b = host();
        Multiaddr refused = Multiaddr.parse("/ip4/127.0.0.1/tcp/" + closedPort());
        Multiaddr notTcp = Multiaddr.parse("/dns4/localhost/p2p/" + b.peerId());
        Multiaddr otherPeer = address(host()); // listening, but not b: refused after the handshake
        PeerAddresses peer = new PeerAddresses(b.peerId(),
                List.of(refused, notTcp, otherPeer.withoutPeerId(), address(b)));
        assertEquals(List.of(refused, otherPeer.withoutPeerId(), address(b).withoutPeerId()), peer.dialable());

        assertTrue(await(a.ping(peer)) > 0);
        assertEquals(b.peerId(), PeerId.fromPublicKey(await(a.identify(peer)).publicKey()));
        assertEquals(1, a.connectionCount(), "the failed attempts left nothing behind");
    }

    @Test
    void failsWithEveryAddressesReasonWhenNoneConnects() throws Exception {
        Libp2pHost a = host();
        Libp2pHost b = host();
        Multiaddr first = Multiaddr.parse("/ip4/127.0.0.1/tcp/" + closedPort());
        Multiaddr second = Multiaddr.parse("/ip4/127.0.0.1/tcp/" + closedPort());
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> await(a.ping(new PeerAddresses(b.peerId(), List.of(first, second)))));
        String message = failure.getCause().getMessage();
        assertTrue(message.contains("any of 2 addresses") && message.contains(first.toString())
                && message.contains(second.toString()), message);
        assertEquals(0, a.connectionCount());

        IllegalArgumentException nothingToDial = assertThrows(IllegalArgumentException.class, () -> {
            try {
                await(a.ping(new PeerAddresses(b.peerId(), List.of())));
            } catch (ExecutionException e) {
                throw e.getCause();
            }
        });
        assertTrue(nothingToDial.getMessage().startsWith("no TCP address to dial"), nothingToDial.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PeerAddresses(b.peerId(), List.of(address(a))),
                "an address of another peer");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void peersListsEachOpenConnectionWithItsDirection() throws Exception {
        Libp2pHost a = host();
        Libp2pHost b = host();
        assertEquals(List.of(), await(a.peers()));
        await(a.ping(address(b)));

        List<ConnectedPeer> fromA = await(a.peers());
        assertEquals(1, fromA.size());
        assertEquals(b.peerId(), fromA.get(0).peer());
        assertEquals("outbound", fromA.get(0).direction());
        assertEquals(address(b).withoutPeerId(), fromA.get(0).remoteAddress(), "we dialed b's listen address");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<ConnectedPeer> fromB = await(b.peers());
        while (fromB.isEmpty() && System.nanoTime() < deadline) {
            fromB = await(b.peers()); // b learns the peer once its side of the handshake is through
        }
        assertEquals(1, fromB.size());
        assertEquals(a.peerId(), fromB.get(0).peer());
        assertEquals("inbound", fromB.get(0).direction());
    }

    @Test
    void pingsAndIdentifiesBothWays() throws Exception {
        Libp2pHost a = host();
        Libp2pHost b = host();
        assertTrue(await(a.ping(address(b))) > 0);
        assertTrue(await(b.ping(address(a))) > 0);

        IdentifyInfo ofB = await(a.identify(address(b)));
        assertEquals(b.peerId(), PeerId.fromPublicKey(ofB.publicKey()));
        assertEquals(HostConfig.DEFAULT_AGENT, ofB.agentVersion());
        assertEquals("ipfs/0.1.0", ofB.protocolVersion());
        assertTrue(ofB.protocols().containsAll(List.of(ECHO, Libp2pHost.PING, Libp2pHost.IDENTIFY)), ofB.protocols()::toString);
        assertEquals(List.of(address(b).withoutPeerId()), ofB.listenAddrs());
        assertTrue(ofB.observedAddr().isPresent());

        IdentifyInfo ofA = await(b.identify(address(a)));
        assertEquals(a.peerId(), PeerId.fromPublicKey(ofA.publicKey()));
    }

    @Test
    void refusesPeerWhoseIdDiffersFromTheDialedOne() throws Exception {
        Libp2pHost a = host();
        Libp2pHost b = host();
        Multiaddr wrong = address(b).withoutPeerId().withPeerId(Ed25519Identity.generate().peerId());
        ExecutionException failure = assertThrows(ExecutionException.class, () -> await(a.ping(wrong)));
        assertTrue(failure.getCause().getMessage().contains("peer id mismatch"), failure.getCause()::getMessage);
        assertTrue(await(a.ping(address(b))) > 0);
    }

    @Test
    void answersNaToTlsAndAcceptsNoise() throws Exception {
        Libp2pHost b = host();
        try (Socket socket = rawSocket(b)) {
            socket.getOutputStream().write(Multistream.encode(Multistream.HEADER)
                    .appendBuffer(Multistream.encode("/tls/1.0.0")).getBytes());
            Buffer expected = Multistream.encode(Multistream.HEADER).appendBuffer(Multistream.encode("na"));
            assertArrayEquals(expected.getBytes(), socket.getInputStream().readNBytes(expected.length()));
            socket.getOutputStream().write(Multistream.encode("/noise").getBytes());
            Buffer accepted = Multistream.encode("/noise");
            assertArrayEquals(accepted.getBytes(), socket.getInputStream().readNBytes(accepted.length()));
        }
    }

    @Test
    void garbageClosesOnlyThatConnection() throws Exception {
        Libp2pHost a = host();
        Libp2pHost b = host();
        assertTrue(await(a.ping(address(b))) > 0);
        try (Socket socket = rawSocket(b)) {
            byte[] garbage = new byte[64];
            java.util.Arrays.fill(garbage, (byte) 0xFF);
            socket.getOutputStream().write(garbage);
            assertClosedByPeer(socket.getInputStream());
        }
        assertTrue(await(a.ping(address(b))) > 0, "the existing connection still works");
        Libp2pHost c = host();
        assertTrue(await(c.ping(address(b))) > 0, "a fresh connection is served");
    }

    @Test
    void closesConnectionThatStallsTheHandshake() throws Exception {
        Libp2pHost b = host(HostConfig.loopback().withHandshakeTimeout(Duration.ofMillis(300)));
        try (Socket socket = rawSocket(b)) {
            assertClosedByPeer(socket.getInputStream());
        }
    }

    @Test
    void refusesStreamForUnknownProtocol() throws Exception {
        Libp2pHost a = host();
        Libp2pHost b = host();
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> await(a.newStream(address(b), "/granary/nope/1.0.0")));
        assertTrue(failure.getCause().getMessage().contains("none of"), failure.getCause()::getMessage);
        assertTrue(await(a.ping(address(b))) > 0);
    }

    @Test
    void refusesConnectionsBeyondTheLimitAndServesAgainOnceOneCloses() throws Exception {
        Libp2pHost limited = host(HostConfig.loopback().withMaxConnections(2));
        Libp2pHost first = host();
        Libp2pHost second = host();
        assertTrue(await(first.ping(address(limited))) > 0);
        assertTrue(await(second.ping(address(limited))) > 0);
        try (Socket third = rawSocket(limited)) {
            assertClosedByPeer(third.getInputStream());
        }
        Libp2pHost fourth = host();
        assertThrows(ExecutionException.class, () -> await(fourth.ping(address(limited))));
        await(first.close(), 10);
        hosts.remove(first);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (limited.connectionCount() > 1 && System.nanoTime() < deadline) {
            await(vertx.timer(20));
        }
        assertEquals(1, limited.connectionCount(), "the closed connection was forgotten");
        assertTrue(await(fourth.ping(address(limited))) > 0, "a slot is free again");
    }

    @Test
    void aStreamPastItsDeadlineIsResetAndToldWhy() throws Exception {
        Libp2pHost a = host();
        Libp2pHost b = host();
        Throwable failure = await(a.newStream(address(b), ECHO).compose(stream -> {
            var told = io.vertx.core.Promise.<Throwable>promise();
            stream.context().runOnContext(ignored -> {
                stream.exceptionHandler(told::tryComplete).handler(data -> { }).deadline(Duration.ofMillis(200));
                stream.write(Buffer.buffer("never ended"));
            });
            return told.future();
        }));
        assertTrue(failure.getMessage().contains("deadline of PT0.2S"), failure::getMessage);
        assertTrue(await(a.ping(address(b))) > 0, "only the stream was reset");
    }

    @Test
    void aStreamThatFinishesInTimeKeepsItsResult() throws Exception {
        Libp2pHost a = host();
        Libp2pHost b = host();
        byte[] data = random(10_000, 3);
        Buffer back = await(a.newStream(address(b), ECHO).compose(stream -> {
            var result = io.vertx.core.Promise.<Buffer>promise();
            stream.context().runOnContext(ignored -> {
                stream.deadline(Duration.ofSeconds(20));
                echo(stream, data).onComplete(result);
            });
            return result.future();
        }));
        assertArrayEquals(data, back.getBytes());
    }

    private static Socket rawSocket(Libp2pHost host) throws IOException {
        var target = address(host).tcpTarget().orElseThrow();
        Socket socket = new Socket(target.host(), target.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Reads until EOF (a reset counts too); a read timeout means the host kept the connection open. */
    private static void assertClosedByPeer(InputStream in) throws IOException {
        try {
            while (in.read() != -1) {
                // anything the host still sends (an mss header) is fine; we only wait for the close
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("host did not close the connection within 10 s", e);
        } catch (java.net.SocketException reset) {
            // a reset is a close as well
        }
    }
}
