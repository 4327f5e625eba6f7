package dev.granary.p2p.noise;

import java.util.Optional;

/**
 * The libp2p {@code NoiseHandshakePayload}: who the sender is, their signature binding that identity to their Noise
 * static key, and optional extensions (early data).
 */
public record NoisePayload(byte[] identityKey, byte[] identitySig, Optional<NoiseExtensions> extensions) {
    /** Large enough for an 8192-bit RSA key in SPKI form, the largest identity libp2p accepts. */
    static final int MAX_KEY_LENGTH = 2048;
    /** An 8192-bit RSA signature is 1024 bytes; DER ECDSA and Ed25519 are far smaller. */
    static final int MAX_SIG_LENGTH = 1024;
    static final int MAX_EXTENSIONS_LENGTH = 16 * 1024;

    public NoisePayload {
        identityKey = identityKey.clone();
        identitySig = identitySig.clone();
    }

    @Override
    public byte[] identityKey() {
        return identityKey.clone();
    }

    @Override
    public byte[] identitySig() {
        return identitySig.clone();
    }

    public byte[] encode() {
        ProtoWriter writer = new ProtoWriter().bytesField(1, identityKey).bytesField(2, identitySig);
        extensions.ifPresent(ext -> writer.bytesField(4, ext.encode()));
        return writer.toByteArray();
    }

    /**
     * Both identity fields are required. A repeated singular field is refused rather than "last one wins": a payload
     * whose meaning depends on parser quirks has no business in an authentication step.
     */
    public static NoisePayload decode(byte[] bytes) throws NoiseHandshakeException {
        ProtoReader reader = new ProtoReader(bytes, 0, bytes.length);
        byte[] key = null;
        byte[] sig = null;
        NoiseExtensions extensions = null;
        while (reader.hasMore()) {
            int tag = reader.readTag();
            int field = tag >>> 3;
            int wireType = tag & 7;
            boolean known = field == 1 || field == 2 || field == 4;
            if (known && wireType != ProtoReader.WIRE_LENGTH_DELIMITED) {
                throw ProtoReader.malformed("payload field " + field + " has wire type " + wireType);
            }
            if (field == 1) {
                key = once(key, reader.readBytes(MAX_KEY_LENGTH), "identity_key");
            } else if (field == 2) {
                sig = once(sig, reader.readBytes(MAX_SIG_LENGTH), "identity_sig");
            } else if (field == 4) {
                if (extensions != null) {
                    throw ProtoReader.malformed("extensions appear twice");
                }
                extensions = NoiseExtensions.decode(reader.readBytes(MAX_EXTENSIONS_LENGTH));
            } else {
                reader.skip(wireType);
            }
        }
        if (key == null || sig == null) {
            throw ProtoReader.malformed("payload lacks identity_key or identity_sig");
        }
        return new NoisePayload(key, sig, Optional.ofNullable(extensions));
    }

    private static byte[] once(byte[] existing, byte[] value, String name) throws NoiseHandshakeException {
        if (existing != null) {
            throw ProtoReader.malformed(name + " appears twice");
        }
        return value;
    }
}
