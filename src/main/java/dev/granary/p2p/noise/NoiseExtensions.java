package dev.granary.p2p.noise;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code NoiseExtensions} message: early data carried in handshake messages 2 and 3. Only the stream-muxer list
 * matters on TCP; WebTransport cert hashes are kept so a decoded payload re-encodes faithfully.
 */
public record NoiseExtensions(List<byte[]> webtransportCerthashes, List<String> streamMuxers) {
    static final int MAX_ENTRIES = 64;
    static final int MAX_ENTRY_LENGTH = 1024;
    public static final NoiseExtensions NONE = new NoiseExtensions(List.of(), List.of());

    public NoiseExtensions {
        webtransportCerthashes = webtransportCerthashes.stream().map(byte[]::clone).toList();
        streamMuxers = List.copyOf(streamMuxers);
    }

    public static NoiseExtensions ofStreamMuxers(List<String> muxers) {
        return new NoiseExtensions(List.of(), muxers);
    }

    byte[] encode() {
        ProtoWriter writer = new ProtoWriter();
        webtransportCerthashes.forEach(hash -> writer.bytesField(1, hash));
        streamMuxers.forEach(muxer -> writer.bytesField(2, muxer.getBytes(StandardCharsets.UTF_8)));
        return writer.toByteArray();
    }

    static NoiseExtensions decode(byte[] bytes) throws NoiseHandshakeException {
        ProtoReader reader = new ProtoReader(bytes, 0, bytes.length);
        List<byte[]> certhashes = new ArrayList<>();
        List<String> muxers = new ArrayList<>();
        while (reader.hasMore()) {
            int tag = reader.readTag();
            int field = tag >>> 3;
            int wireType = tag & 7;
            if ((field == 1 || field == 2) && wireType != ProtoReader.WIRE_LENGTH_DELIMITED) {
                throw ProtoReader.malformed("extensions field " + field + " has wire type " + wireType);
            }
            if (field == 1 || field == 2) {
                if (certhashes.size() + muxers.size() >= MAX_ENTRIES) {
                    throw ProtoReader.malformed("more than " + MAX_ENTRIES + " extension entries");
                }
                byte[] value = reader.readBytes(MAX_ENTRY_LENGTH);
                if (field == 1) {
                    certhashes.add(value);
                } else {
                    muxers.add(strictUtf8(value));
                }
            } else {
                reader.skip(wireType);
            }
        }
        return new NoiseExtensions(certhashes, muxers);
    }

    // Protocol ids are compared byte-for-byte later, so a lossy decode could make two different ids look equal.
    private static String strictUtf8(byte[] value) throws NoiseHandshakeException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            throw ProtoReader.malformed("stream muxer id is not valid UTF-8");
        }
    }
}
