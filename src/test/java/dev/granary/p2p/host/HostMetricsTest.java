package dev.granary.p2p.host;

import dev.granary.p2p.identity.Ed25519Identity;
import dev.granary.p2p.multiaddr.Multiaddr;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;

import static dev.granary.p2p.host.HostTesting.ECHO;
import static dev.granary.p2p.host.HostTesting.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostMetricsTest {
    private Vertx vertx;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
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

    /** Only the measured host gets the registry: two hosts' gauges under one name would be one meter. */
    private Libp2pHost host(SimpleMeterRegistry metrics) throws Exception {
        Libp2pHost host = Libp2pHost.create(vertx, Ed25519Identity.generate(), HostConfig.loopback(), metrics);
        host.handle(ECHO, HostTesting::serveEcho);
        hosts.add(host);
        await(host.start());
        return host;
    }

    @Test
    void countsConnectionStreamsAndBytesAroundAnEcho() throws Exception {
        Libp2pHost a = host(registry);
        Libp2pHost b = host(null);
        Multiaddr target = b.listenAddresses().get(0);
        byte[] data = new byte[100_000];
        Libp2pStream stream = await(a.newStream(target, ECHO));
        assertEquals(1.0, gauge(HostMetrics.CONNECTIONS));
        assertEquals(1.0, gauge(HostMetrics.STREAMS), "the echo stream is open");

        Promise<Buffer> back = Promise.promise();
        stream.context().runOnContext(ignored -> HostTesting.echo(stream, data).onComplete(back));
        assertEquals(data.length, await(back.future()).length());

        // both directions carry the payload plus Noise tags, yamux headers and the handshakes
        assertTrue(bytes("out") > data.length, () -> "out " + bytes("out"));
        assertTrue(bytes("in") > data.length, () -> "in " + bytes("in"));
        assertEquals(1.0, gauge(HostMetrics.CONNECTIONS));
        assertNull(registry.find(HostMetrics.HANDSHAKE_FAILURES).counter(), "no failures after a clean echo");
    }

    @Test
    void countsRefusedHandshakeByReason() throws Exception {
        Libp2pHost a = host(registry);
        Libp2pHost b = host(null);
        Multiaddr wrong = b.listenAddresses().get(0).withoutPeerId().withPeerId(Ed25519Identity.generate().peerId());
        assertThrows(ExecutionException.class, () -> await(a.ping(wrong)));
        assertEquals(1.0, registry.get(HostMetrics.HANDSHAKE_FAILURES).tag("reason", "peer-id-mismatch").counter().count());
        assertEquals(0.0, gauge(HostMetrics.CONNECTIONS), "the refused connection is gone");
    }

    @Test
    void closingTheHostDropsItsGauges() throws Exception {
        Libp2pHost a = host(registry);
        await(a.close());
        hosts.remove(a);
        assertNull(registry.find(HostMetrics.CONNECTIONS).gauge());
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    private double bytes(String direction) {
        return registry.get(HostMetrics.BYTES).tag("direction", direction).counter().count();
    }
}
