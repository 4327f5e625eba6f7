package dev.granary.p2p.host;

import dev.granary.p2p.identity.Ed25519Identity;
import dev.granary.p2p.identity.PeerId;
import dev.granary.p2p.multiaddr.Multiaddr;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static dev.granary.p2p.host.HostTesting.ECHO;
import static dev.granary.p2p.host.HostTesting.await;
import static dev.granary.p2p.host.HostTesting.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The acceptance check: our host and js-libp2p 3.x talk in both directions (skipped without node_modules). */
class JsInteropTest {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private Vertx vertx;
    private Libp2pHost host;

    @BeforeEach
    void setUp() throws Exception {
        vertx = Vertx.vertx();
        host = Libp2pHost.create(vertx, Ed25519Identity.generate(), HostConfig.loopback());
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
            Buffer back = await(host.newStream(address, ECHO).compose(stream -> {
                Promise<Buffer> result = Promise.promise();
                stream.context().runOnContext(ignored -> HostTesting.echo(stream, data).onComplete(result));
                return result.future();
            }), 60);
            assertEquals(sha256(data), sha256(back.getBytes()));

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
        try (JsPeer js = JsPeer.start("dial", address, String.valueOf(1 << 20))) {
            assertTrue(Double.parseDouble(js.awaitLine("PING", DEADLINE)) >= 0);
            String[] echo = js.awaitLine("ECHO", DEADLINE).split(" ");
            assertEquals(echo[0], echo[1], "js got back what it sent");
            assertEquals(String.valueOf(1 << 20), echo[2]);
            String identified = js.awaitLine("IDENTIFY", DEADLINE);
            assertTrue(identified.contains("\"agentVersion\":\"" + HostConfig.DEFAULT_AGENT + "\""), identified);
            for (String protocol : host.protocols()) {
                assertTrue(identified.contains("\"" + protocol + "\""), identified);
            }
            assertEquals(0, js.awaitExit(DEADLINE), js.stderr());
        }
    }
}
