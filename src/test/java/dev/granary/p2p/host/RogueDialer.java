package dev.granary.p2p.host;

import dev.granary.p2p.identity.Ed25519Identity;
import dev.granary.p2p.mss.Multistream;
import dev.granary.p2p.multiaddr.Multiaddr;
import dev.granary.p2p.noise.HandshakeState;
import dev.granary.p2p.noise.NoiseExtensions;
import dev.granary.p2p.noise.NoiseFrameDecoder;
import dev.granary.p2p.noise.NoiseIdentity;
import dev.granary.p2p.noise.NoiseTransport;
import dev.granary.p2p.yamux.YamuxFrame;
import dev.granary.p2p.yamux.YamuxHeaderCodec;
import io.vertx.core.buffer.Buffer;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Arrays;

/**
 * A misbehaving libp2p dialer on a plain blocking socket: it speaks the real protocols (multistream, Noise XX,
 * yamux) up to the point a test chooses, then sends what the test asks, however wrong. Runs on the test thread.
 */
final class RogueDialer implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;
    private NoiseTransport transport;
    private Buffer plaintext = Buffer.buffer();

    RogueDialer(Multiaddr target) throws IOException {
        var tcp = target.tcpTarget().orElseThrow();
        socket = new Socket(tcp.host(), tcp.port());
        socket.setSoTimeout(10_000);
        out = socket.getOutputStream();
        in = new DataInputStream(socket.getInputStream());
    }

    /** An identity that announces its key but signs the wrong bytes (the handshake signature check must fail). */
    static NoiseIdentity badSigner() {
        return identity(true);
    }

    static NoiseIdentity honest() {
        return identity(false);
    }

    private static NoiseIdentity identity(boolean signWrongBytes) {
        Ed25519Identity identity = Ed25519Identity.generate();
        return new NoiseIdentity() {
            @Override
            public byte[] publicKeyProtobuf() {
                return identity.publicKeyProto();
            }

            @Override
            public byte[] sign(byte[] data) {
                return identity.sign(signWrongBytes ? Arrays.copyOf(data, data.length + 1) : data);
            }
        };
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** multistream-select for /noise, reading the listener's two lines back. */
    RogueDialer selectNoise() throws IOException {
        Buffer proposal = Multistream.encode(Multistream.HEADER).appendBuffer(Multistream.encode("/noise"));
        send(proposal.getBytes());
        expect(proposal);
        return this;
    }

    /** Sends message A and reads B; returns the handshake so the test decides what message C looks like. */
    HandshakeState startHandshake(NoiseIdentity identity) throws Exception {
        HandshakeState handshake = HandshakeState.initiator(identity, new AnyKeyVerifier(), NoiseExtensions.NONE);
        send(NoiseFrameDecoder.frame(handshake.writeMessageA()).getBytes());
        handshake.readMessageB(readFrame());
        return handshake;
    }

    /** A complete, honest handshake and yamux selection: afterwards the test speaks yamux frames. */
    RogueDialer secureAndMux() throws Exception {
        selectNoise();
        HandshakeState handshake = startHandshake(honest());
        send(NoiseFrameDecoder.frame(handshake.writeMessageC()).getBytes());
        transport = handshake.session().transport();
        Buffer proposal = Multistream.encode(Multistream.HEADER).appendBuffer(Multistream.encode("/yamux/1.0.0"));
        sendEncrypted(proposal);
        expectDecrypted(proposal);
        return this;
    }

    void sendEncrypted(Buffer bytes) throws Exception {
        send(transport.encrypt(bytes).getBytes());
    }

    void sendFrame(YamuxFrame frame) throws Exception {
        sendEncrypted(YamuxHeaderCodec.encode(frame));
    }

    /** Yamux frames the host sent until it closed the connection (the socket's end). */
    Buffer readUntilClosed() throws Exception {
        Buffer all = Buffer.buffer();
        try {
            while (true) {
                byte[] frame = readFrame();
                all.appendBuffer(transport == null ? Buffer.buffer(frame) : transport.decryptFrame(Buffer.buffer(frame)));
            }
        } catch (java.io.EOFException | SocketException closed) {
            return all;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("host did not close the connection within 10 s; it sent " + all.length() + " bytes", e);
        }
    }

    /** Reads and decrypts frames until {@code count} plaintext bytes have arrived. */
    Buffer readDecrypted(int count) throws Exception {
        while (plaintext.length() < count) {
            plaintext.appendBuffer(transport.decryptFrame(Buffer.buffer(readFrame())));
        }
        Buffer head = plaintext.getBuffer(0, count);
        plaintext = plaintext.getBuffer(count, plaintext.length());
        return head;
    }

    private byte[] readFrame() throws IOException {
        int length = in.readUnsignedShort();
        byte[] body = new byte[length];
        in.readFully(body);
        return body;
    }

    private void expect(Buffer expected) throws IOException {
        byte[] got = in.readNBytes(expected.length());
        if (!Arrays.equals(expected.getBytes(), got)) {
            throw new AssertionError("expected " + expected + " but read " + Buffer.buffer(got));
        }
    }

    private void expectDecrypted(Buffer expected) throws Exception {
        Buffer got = readDecrypted(expected.length());
        if (!got.equals(expected)) {
            throw new AssertionError("expected " + expected + " but read " + got);
        }
    }

    InputStream rawInput() {
        return in;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
