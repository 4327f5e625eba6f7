package dev.granary.p2p.noise;

/** The local libp2p identity as the Noise handshake needs it: the key to announce and a way to sign with it. */
public interface NoiseIdentity {
    /** The serialized libp2p {@code PublicKey} protobuf sent as {@code identity_key}. */
    byte[] publicKeyProtobuf();

    /** Signs {@code data} with the identity private key using the key type's libp2p signature rules. */
    byte[] sign(byte[] data);
}
