package dev.granary.p2p.noise;

import javax.crypto.KeyAgreement;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.security.spec.XECPrivateKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/** X25519 on raw 32-byte keys, the form Noise puts on the wire, over the JDK's SPKI-shaped key objects. */
final class X25519 {
    static final int KEY_LENGTH = 32;
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b656e032100");
    private static final byte[] BASE_POINT = basePoint();

    /** A key pair whose public half is kept raw, since that is all the handshake ever sends. */
    record KeyPair25519(PrivateKey privateKey, byte[] publicKey) {
        byte[] publicKeyCopy() {
            return publicKey.clone();
        }
    }

    private X25519() {
    }

    static KeyPair25519 generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("X25519").generateKeyPair();
            return new KeyPair25519(pair.getPrivate(), rawPublic(pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always has X25519", e);
        }
    }

    /** Rebuilds a key pair from a raw private scalar; the public key is DH with the base point u = 9. */
    static KeyPair25519 fromPrivate(byte[] scalar) {
        try {
            PrivateKey privateKey = KeyFactory.getInstance("XDH")
                    .generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar.clone()));
            return new KeyPair25519(privateKey, dh(privateKey, BASE_POINT));
        } catch (GeneralSecurityException | NoiseHandshakeException e) {
            throw new IllegalArgumentException("not an X25519 private key", e);
        }
    }

    static byte[] dh(PrivateKey privateKey, byte[] remotePublic) throws NoiseHandshakeException {
        if (remotePublic.length != KEY_LENGTH) {
            throw new NoiseHandshakeException(NoiseHandshakeException.Reason.BAD_KEY, "X25519 key must be 32 bytes");
        }
        try {
            byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + KEY_LENGTH);
            System.arraycopy(remotePublic, 0, spki, SPKI_PREFIX.length, KEY_LENGTH);
            PublicKey publicKey = KeyFactory.getInstance("XDH").generatePublic(new X509EncodedKeySpec(spki));
            KeyAgreement agreement = KeyAgreement.getInstance("XDH");
            agreement.init(privateKey);
            agreement.doPhase(publicKey, true);
            return agreement.generateSecret();
        } catch (InvalidKeyException e) {
            // The JDK rejects small-order points (all-zero shared secret); a peer sending one is attacking the key.
            throw new NoiseHandshakeException(NoiseHandshakeException.Reason.BAD_KEY, "unusable X25519 public key", e);
        } catch (GeneralSecurityException e) {
            throw new NoiseHandshakeException(NoiseHandshakeException.Reason.BAD_KEY, "X25519 agreement failed", e);
        }
    }

    private static byte[] rawPublic(PublicKey publicKey) {
        byte[] encoded = publicKey.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - KEY_LENGTH, encoded.length);
    }

    private static byte[] basePoint() {
        byte[] u = new byte[KEY_LENGTH];
        u[0] = 9;
        return u;
    }
}
