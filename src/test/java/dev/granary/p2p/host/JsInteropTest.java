package dev.granary.p2p.host;

import dev.granary.p2p.identity.Ed25519Identity;
import dev.granary.p2p.identity.PeerId;
import dev.granary.p2p.multiaddr.Multiaddr;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.granary.p2p.host.HostTesting.ECHO;
import static dev.granary.p2p.host.HostTesting.await;
import static dev.granary.p2p.host.HostTesting.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The acceptance checks: our host and js-libp2p 3.x talk in both directions (skipped without node_modules). */
class JsInteropTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final int CONCURRENT_STREAMS = 50;
    /** Longer than js' yamux keepalive interval (30 s); its connection monitor pings every 10 s meanwhile. */
    private static final int IDLE_SECONDS = 32;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private Vertx vertx;
    private Libp2pHost host;

    @BeforeEach
    void setUp() throws Exception {
        vertx = Vertx.vertx();
        host = Libp2pHost.create(vertx, Ed25519Identity.generate(), HostConfig.loopback(), registry);
        host.handle(ECHO, HostTesting::serveEcho);
        await(host.start());
    }

    @AfterEach
    void tearDown() throws Exception {
        await(host.close(), 10);
        await(vertx.close(), 10);
    }

    @Test
    void javaDialsJs() throws Exception {
        try (JsPeer js = JsPeer.start("listen")) {
            Multiaddr address = Multiaddr.parse(js.awaitLine("LISTEN", DEADLINE));

            byte[] data = new byte[10 << 20];
            new Random(7).nextBytes(data);
            assertEquals(sha256(data), sha256(await(echo(address, data), 60).getBytes()));

            List<byte[]> payloads = new ArrayList<>();
            List<Future<Buffer>> echoes = new ArrayList<>();
            for (int i = 0; i < CONCURRENT_STREAMS; i++) {
                byte[] payload = new byte[1024 * (i + 1) + i];
                new Random(i).nextBytes(payload);
                payloads.add(payload);
                echoes.add(echo(address, payload));
            }
            await(Future.all(echoes), 60);
            for (int i = 0; i < CONCURRENT_STREAMS; i++) {
                assertEquals(sha256(payloads.get(i)), sha256(echoes.get(i).result().getBytes()), "stream " + i);
            }
            assertEquals(1, host.connectionCount(), "all streams share one connection");

            assertTrue(await(host.ping(address)) > 0);

            IdentifyInfo info = await(host.identify(address));
            assertEquals(address.peerId().orElseThrow(), PeerId.fromPublicKey(info.publicKey()));
            assertTrue(info.agentVersion().startsWith("js-libp2p/"), info.agentVersion());
            assertTrue(info.protocols().contains(ECHO), info.protocols()::toString);

            String identified = js.awaitLine("IDENTIFY", DEADLINE);
            assertTrue(identified.contains(host.peerId().toString()), identified);
            assertTrue(identified.contains(HostConfig.DEFAULT_AGENT), identified);
        }
    }

    @Test
    void jsDialsJava() throws Exception {
        String address = host.listenAddresses().get(0).toString();
        try (JsPeer js = JsPeer.start("dial", address, String.valueOf(10 << 20), String.valueOf(CONCURRENT_STREAMS))) {
            assertTrue(Double.parseDouble(js.awaitLine("PING", DEADLINE)) >= 0);
            String[] echo = js.awaitLine("ECHO", DEADLINE).split(" ");
            assertEquals(echo[0], echo[1], "js got back what it sent");
            assertEquals(String.valueOf(10 << 20), echo[2]);
            assertEquals(CONCURRENT_STREAMS + " " + CONCURRENT_STREAMS + " 1", js.awaitLine("CONCURRENT", DEADLINE),
                    "intact echoes, streams, connections");
            String identified = js.awaitLine("IDENTIFY", DEADLINE);
            assertTrue(identified.contains("\"agentVersion\":\"" + HostConfig.DEFAULT_AGENT + "\""), identified);
            for (String protocol : host.protocols()) {
                assertTrue(identified.contains("\"" + protocol + "\""), identified);
            }
            assertEquals(0, js.awaitExit(DEADLINE), js.stderr());
        }
    }

    /** Both directions at once, so the suite idles only once: js dials us, and we dial a js listener. */
    @Test
    void idleConnectionsStayUpOnJsKeepalives() throws Exception {
        try (JsPeer listener = JsPeer.start("listen");
             JsPeer dialer = JsPeer.start("idle", host.listenAddresses().get(0).toString(),
                     String.valueOf(IDLE_SECONDS))) {
            Multiaddr listenerAddress = Multiaddr.parse(listener.awaitLine("LISTEN", DEADLINE));
            await(host.ping(listenerAddress));

            Duration idle = Duration.ofSeconds(IDLE_SECONDS).plus(DEADLINE);
            assertEquals("open true 1", dialer.awaitLine("IDLE", idle), "status, same connection, connections");
            assertTrue(Double.parseDouble(dialer.awaitLine("PING", DEADLINE)) >= 0);
            assertEquals(0, dialer.awaitExit(DEADLINE), dialer.stderr());

            assertTrue(await(host.ping(listenerAddress)) > 0, "our idle connection to js still answers");
            assertFalse(listener.printed("CLOSED"), "js closed our idle connection");
            assertEquals(1.0, count(HostMetrics.CONNECTIONS_OPENED, "direction", "outbound"),
                    "we dialed js once: no reconnect after idling");
            assertEquals(0.0, count(HostMetrics.CONNECTIONS_CLOSED, "direction", "outbound"));
            assertTrue(count(HostMetrics.PINGS_ANSWERED, "layer", "yamux") >= 1, "yamux keepalives answered");
            assertTrue(count(HostMetrics.PINGS_ANSWERED, "layer", "protocol") >= 2,
                    "connection-monitor pings answered");
        }
    }

    private double count(String name, String tag, String value) {
        var counter = registry.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }

    private Future<Buffer> echo(Multiaddr address, byte[] data) {
        return host.newStream(address, ECHO).compose(stream -> {
            Promise<Buffer> result = Promise.promise();
            stream.context().runOnContext(ignored -> HostTesting.echo(stream, data).onComplete(result));
            return result.future();
        });
    }
}
