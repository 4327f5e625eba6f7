package dev.granary.p2p.noise;

/**
 * Checks a remote identity signature. Kept as an interface so Noise does not depend on the identity package, which
 * knows every libp2p key type.
 */
public interface NoiseKeyVerifier {
    /**
     * @return the remote identity key (for the caller to derive and compare the peer ID)
     * @throws NoiseHandshakeException {@code BAD_KEY} for an unparsable or unsupported key, {@code BAD_SIGNATURE} when
     *                                 the signature does not verify
     */
    byte[] verify(byte[] publicKeyProtobuf, byte[] data, byte[] signature) throws NoiseHandshakeException;
}
