package dev.granary.p2p.noise;

/**
 * What a completed handshake established: who the peer is (their identity key, for the caller to derive the peer ID
 * and compare it with the dialed one), what early data they sent, and the two transport ciphers.
 */
public record NoiseSession(byte[] remoteIdentityKey, NoiseExtensions remoteExtensions, byte[] remoteStaticKey,
                           byte[] handshakeHash, CipherState sender, CipherState receiver) {
    public NoiseSession {
        remoteIdentityKey = remoteIdentityKey.clone();
        remoteStaticKey = remoteStaticKey.clone();
        handshakeHash = handshakeHash.clone();
    }

    @Override
    public byte[] remoteIdentityKey() {
        return remoteIdentityKey.clone();
    }

    @Override
    public byte[] remoteStaticKey() {
        return remoteStaticKey.clone();
    }

    @Override
    public byte[] handshakeHash() {
        return handshakeHash.clone();
    }

    /** Inlined muxer negotiation: both sides may skip mss only when each listed the muxer (option B of the spec). */
    public boolean bothOffer(NoiseExtensions ours, String muxer) {
        return ours.streamMuxers().contains(muxer) && remoteExtensions.streamMuxers().contains(muxer);
    }

    /** Wraps this session's ciphers; call once per connection, since every wrapper shares (and advances) the same counters. */
    public NoiseTransport transport() {
        return new NoiseTransport(sender, receiver);
    }
}
