package dev.granary.p2p.identity;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * This node's libp2p identity: an Ed25519 key pair (the type go and js default to, and the one every peer accepts).
 * Private-key bytes use the libp2p {@code PrivateKey} protobuf with Data = seed ‖ public key, as go-libp2p marshals it.
 */
public final class Ed25519Identity {
    public static final int SEED_BYTES = 32;
    private static final int MAX_PRIVATE_PROTO_BYTES = 110;

    private final byte[] seed;
    private final byte[] publicKey;
    private final Ed25519PrivateKeyParameters privateKey;

    private Ed25519Identity(byte[] seed) {
        this.seed = seed.clone();
        this.privateKey = new Ed25519PrivateKeyParameters(this.seed, 0);
        this.publicKey = privateKey.generatePublicKey().getEncoded();
    }

    public static Ed25519Identity generate() {
        byte[] seed = new byte[SEED_BYTES];
        new SecureRandom().nextBytes(seed);
        return new Ed25519Identity(seed);
    }

    public static Ed25519Identity fromSeed(byte[] seed) {
        if (seed.length != SEED_BYTES) {
            throw new IdentityException("Ed25519 seed of " + seed.length + " bytes, expected 32");
        }
        return new Ed25519Identity(seed);
    }

    /**
     * Reads a libp2p {@code PrivateKey} protobuf of type Ed25519. Data is seed ‖ public (64 bytes) or the legacy
     * seed ‖ public ‖ public (96 bytes); the stored public half must match the seed, or the file is corrupt.
     */
    public static Ed25519Identity fromPrivateKeyProto(byte[] encoded) {
        KeyProto proto = KeyProto.decode(encoded, MAX_PRIVATE_PROTO_BYTES, "private key");
        if (proto.type() != KeyType.ED25519) {
            throw new IdentityException("private key: type " + proto.type() + ", only Ed25519 identities are supported");
        }
        byte[] data = proto.data();
        if (data.length != 64 && data.length != 96) {
            throw new IdentityException("private key: Ed25519 data of " + data.length + " bytes, expected 64 or 96");
        }
        Ed25519Identity identity = new Ed25519Identity(Arrays.copyOf(data, SEED_BYTES));
        byte[] stored = Arrays.copyOfRange(data, 32, 64);
        boolean legacyMatches = data.length == 64 || Arrays.equals(stored, Arrays.copyOfRange(data, 64, 96));
        if (!Arrays.equals(stored, identity.publicKey) || !legacyMatches) {
            throw new IdentityException("private key: stored public key does not belong to the seed");
        }
        return identity;
    }

    public byte[] privateKeyProto() {
        byte[] data = Arrays.copyOf(seed, 64);
        System.arraycopy(publicKey, 0, data, 32, 32);
        return KeyProto.encode(KeyType.ED25519, data);
    }

    public PublicKey publicKey() {
        return PublicKeys.of(KeyType.ED25519, publicKey);
    }

    /** The serialized {@code PublicKey} protobuf (36 bytes), as sent in Noise and identify. */
    public byte[] publicKeyProto() {
        return KeyProto.encode(KeyType.ED25519, publicKey);
    }

    public PeerId peerId() {
        return PeerId.fromPublicKey(publicKeyProto());
    }

    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    @Override
    public String toString() {
        return "Ed25519Identity[" + peerId() + "]";
    }
}
