package dev.granary.p2p.noise;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Verifies Ed25519 libp2p identities only, with the JDK; other key types are refused as {@code BAD_KEY}. A stand-in
 * until the identity package offers a verifier for every key type.
 */
public final class Ed25519KeyVerifier implements NoiseKeyVerifier {
    static final int KEY_LENGTH = 32;
    /** PublicKey{Type=Ed25519(1), Data=32 bytes}: the only deterministic encoding, so a fixed prefix suffices. */
    private static final byte[] PROTOBUF_PREFIX = {0x08, 0x01, 0x12, 0x20};
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    static byte[] publicKeyProtobuf(byte[] rawPublicKey) {
        byte[] out = Arrays.copyOf(PROTOBUF_PREFIX, PROTOBUF_PREFIX.length + KEY_LENGTH);
        System.arraycopy(rawPublicKey, 0, out, PROTOBUF_PREFIX.length, KEY_LENGTH);
        return out;
    }

    @Override
    public byte[] verify(byte[] publicKeyProtobuf, byte[] data, byte[] signature) throws NoiseHandshakeException {
        if (publicKeyProtobuf.length != PROTOBUF_PREFIX.length + KEY_LENGTH
                || !Arrays.equals(publicKeyProtobuf, 0, PROTOBUF_PREFIX.length, PROTOBUF_PREFIX, 0, PROTOBUF_PREFIX.length)) {
            throw new NoiseHandshakeException(NoiseHandshakeException.Reason.BAD_KEY, "not an Ed25519 libp2p public key");
        }
        PublicKey key = decode(publicKeyProtobuf);
        boolean valid;
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(data);
            valid = verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            valid = false; // the JDK signals some malformed signatures by exception instead of false
        }
        if (!valid) {
            throw new NoiseHandshakeException(NoiseHandshakeException.Reason.BAD_SIGNATURE,
                    "identity signature over the Noise static key does not verify");
        }
        return publicKeyProtobuf.clone();
    }

    private static PublicKey decode(byte[] publicKeyProtobuf) throws NoiseHandshakeException {
        byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + KEY_LENGTH);
        System.arraycopy(publicKeyProtobuf, PROTOBUF_PREFIX.length, spki, SPKI_PREFIX.length, KEY_LENGTH);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new NoiseHandshakeException(NoiseHandshakeException.Reason.BAD_KEY, "invalid Ed25519 point", e);
        }
    }
}
