package dev.granary.p2p.noise;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.granary.p2p.noise.NoiseHandshakeException.Reason.BROKEN;
import static dev.granary.p2p.noise.NoiseHandshakeException.Reason.DECRYPT_FAILED;
import static dev.granary.p2p.noise.NoiseHandshakeException.Reason.TRUNCATED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NoiseTransportTest {
    private final NoiseSession dialer;
    private final NoiseSession listener;

    NoiseTransportTest() throws NoiseHandshakeException {
        Handshakes.Pair pair = Handshakes.run(NoiseExtensions.NONE, NoiseExtensions.NONE);
        dialer = pair.initiator().session();
        listener = pair.responder().session();
    }

    @Test
    void plaintextIsChunkedIntoMaximalFrames() throws Exception {
        NoiseTransport out = dialer.transport();
        Buffer wire = out.encrypt(Buffer.buffer(new byte[NoiseTransport.MAX_PLAINTEXT * 2 + 1]));
        assertEquals(3 * (2 + 16) + NoiseTransport.MAX_PLAINTEXT * 2 + 1, wire.length());
        assertEquals(65535, wire.getUnsignedShort(0));
        assertEquals(3, dialer.sender().nonce());
        assertEquals(0, out.encrypt(Buffer.buffer()).length(), "nothing to send, no frame");

        List<Buffer> plain = new ArrayList<>();
        listener.transport().receive(wire, plain::add);
        assertEquals(List.of(NoiseTransport.MAX_PLAINTEXT, NoiseTransport.MAX_PLAINTEXT, 1),
                plain.stream().map(Buffer::length).toList());
    }

    @Test
    void tamperedFrameFailsAndPoisonsTheTransport() throws Exception {
        Buffer wire = dialer.transport().encrypt(Buffer.buffer("secret"));
        wire.setByte(5, (byte) (wire.getByte(5) ^ 1));
        NoiseTransport in = listener.transport();
        assertEquals(DECRYPT_FAILED, assertThrows(NoiseHandshakeException.class, () -> in.receive(wire, b -> { })).reason());
        assertEquals(BROKEN, assertThrows(NoiseHandshakeException.class,
                () -> in.receive(Buffer.buffer(new byte[]{0}), b -> { })).reason());
        assertEquals(BROKEN, assertThrows(NoiseHandshakeException.class, () -> in.encrypt(Buffer.buffer("x"))).reason());
    }

    @Test
    void reorderedFramesFail() throws Exception {
        NoiseTransport out = dialer.transport();
        Buffer first = out.encrypt(Buffer.buffer("one"));
        Buffer second = out.encrypt(Buffer.buffer("two"));
        NoiseTransport in = listener.transport();
        assertEquals(DECRYPT_FAILED, assertThrows(NoiseHandshakeException.class, () -> in.receive(second, b -> { })).reason());
        assertThrows(NoiseHandshakeException.class, () -> in.receive(first, b -> { }));
    }

    @Test
    void ownDirectionCannotBeDecryptedWithOwnReceiveKey() throws Exception {
        Buffer wire = dialer.transport().encrypt(Buffer.buffer("echo"));
        assertEquals(DECRYPT_FAILED, assertThrows(NoiseHandshakeException.class,
                () -> dialer.transport().receive(wire, b -> { })).reason());
    }

    @Test
    void framesTooShortForATagAndTruncatedStreamsFail() throws Exception {
        assertEquals(TRUNCATED, assertThrows(NoiseHandshakeException.class,
                () -> listener.transport().receive(Buffer.buffer(new byte[]{0, 3, 1, 2, 3}), b -> { })).reason());
        Buffer wire = dialer.transport().encrypt(Buffer.buffer("cut short"));
        NoiseTransport in = listener.transport();
        in.receive(wire.slice(0, wire.length() - 1), b -> { });
        assertEquals(TRUNCATED, assertThrows(NoiseHandshakeException.class, in::endOfStream).reason());
    }

    @Test
    void transportNeedsKeyedCiphers() {
        assertThrows(IllegalArgumentException.class, () -> new NoiseTransport(new CipherState(), new CipherState()));
    }
}
