package dev.granary.p2p.noise;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Arrays;

/**
 * A JDK-only Ed25519 libp2p identity, enough to run the handshake until the identity package provides the real one.
 */
public final class Ed25519NoiseIdentity implements NoiseIdentity {
    private final PrivateKey privateKey;
    private final byte[] publicKeyProtobuf;

    private Ed25519NoiseIdentity(PrivateKey privateKey, byte[] rawPublicKey) {
        this.privateKey = privateKey;
        this.publicKeyProtobuf = Ed25519KeyVerifier.publicKeyProtobuf(rawPublicKey);
    }

    public static Ed25519NoiseIdentity generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] encoded = pair.getPublic().getEncoded();
            return new Ed25519NoiseIdentity(pair.getPrivate(),
                    Arrays.copyOfRange(encoded, encoded.length - Ed25519KeyVerifier.KEY_LENGTH, encoded.length));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK always has Ed25519", e);
        }
    }

    @Override
    public byte[] publicKeyProtobuf() {
        return publicKeyProtobuf.clone();
    }

    @Override
    public byte[] sign(byte[] data) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(privateKey);
            signature.update(data);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }
}
