package dev.granary.p2p.noise;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.granary.p2p.noise.NoiseHandshakeException.Reason.BROKEN;
import static dev.granary.p2p.noise.NoiseHandshakeException.Reason.DECRYPT_FAILED;
import static dev.granary.p2p.noise.NoiseHandshakeException.Reason.TRUNCATED;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
    void sealJoinsHeaderAndBodyPiecesIntoOneFrame() throws Exception {
        NoiseTransport out = dialer.transport();
        NoiseTransport in = listener.transport();
        byte[] header = "HEADER-and-junk".getBytes(StandardCharsets.US_ASCII);
        byte[] first = new byte[40_000];
        byte[] second = new byte[NoiseTransport.MAX_PLAINTEXT - 6 - first.length];
        new Random(7).nextBytes(first);
        new Random(8).nextBytes(second);
        ByteBuf offHeap = Unpooled.directBuffer(second.length).writeBytes(second);
        Buffer body = BufferInternal.buffer(Unpooled.wrappedBuffer(Unpooled.wrappedBuffer(first), offHeap));

        ByteBuf sealed = out.seal(header, 6, body, UnpooledByteBufAllocator.DEFAULT);
        try {
            assertEquals(2 + NoiseTransport.MAX_PLAINTEXT + 16, sealed.readableBytes(), "a full frame, prefix and tag");
            List<Buffer> plain = new ArrayList<>();
            in.receive(Buffer.buffer(ByteBufUtil.getBytes(sealed)), plain::add);
            Buffer expected = Buffer.buffer().appendBytes(header, 0, 6).appendBytes(first).appendBytes(second);
            assertEquals(List.of(expected), plain);
        } finally {
            sealed.release();
            offHeap.release();
        }
        assertEquals(1, dialer.sender().nonce());
        ByteBuf headerOnly = out.seal(header, 12, Buffer.buffer(), UnpooledByteBufAllocator.DEFAULT);
        List<Buffer> plain = new ArrayList<>();
        in.receive(Buffer.buffer(ByteBufUtil.getBytes(headerOnly)), plain::add);
        headerOnly.release();
        assertEquals(List.of(Buffer.buffer().appendBytes(header, 0, 12)), plain);
    }

    @Test
    void inPlaceDecryptionReusesTheFrameAndLeavesItAloneOnABadTag() throws Exception {
        NoiseTransport out = dialer.transport();
        Buffer first = out.encrypt(Buffer.buffer("out of place"));
        Buffer second = out.encrypt(Buffer.buffer("over its own bytes"));

        byte[] tampered = first.getBytes(2, first.length());
        tampered[0] ^= 1;
        byte[] before = tampered.clone();
        assertEquals(DECRYPT_FAILED, assertThrows(NoiseHandshakeException.class,
                () -> listener.transport().decryptFrameInPlace(NoiseTransport.wrap(tampered, 0, tampered.length))).reason());
        assertArrayEquals(before, tampered, "nothing decrypted without a good tag");

        // a failed frame leaves the counter where it was, so a new transport on the same ciphers goes on
        byte[] firstBody = first.getBytes(2, first.length());
        NoiseTransport in = listener.transport();
        assertEquals("out of place", in.decryptFrame(NoiseTransport.wrap(firstBody, 0, firstBody.length)).toString());
        assertArrayEquals(first.getBytes(2, first.length()), firstBody, "decryptFrame leaves its input alone");

        byte[] secondBody = second.getBytes(2, second.length());
        Buffer plain = in.decryptFrameInPlace(NoiseTransport.wrap(secondBody, 0, secondBody.length));
        assertEquals("over its own bytes", plain.toString());
        assertEquals("over its own bytes", new String(secondBody, 0, plain.length(), StandardCharsets.UTF_8),
                "the plaintext is where the ciphertext was");
    }

    @Test
    void sealRefusesMessagesBeyondOneFrame() {
        NoiseTransport out = dialer.transport();
        assertThrows(IllegalArgumentException.class, () -> out.seal(new byte[12], 12,
                Buffer.buffer(new byte[NoiseTransport.MAX_PLAINTEXT - 11]), UnpooledByteBufAllocator.DEFAULT));
        assertEquals(0, dialer.sender().nonce(), "nothing was sealed");
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
