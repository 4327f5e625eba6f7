package dev.granary.p2p.host;

import dev.granary.p2p.identity.Ed25519Identity;
import dev.granary.p2p.noise.NoiseIdentity;

/** Lets the Noise handshake announce and sign with the host's persistent identity. */
final class HostNoiseIdentity implements NoiseIdentity {
    private final Ed25519Identity identity;

    HostNoiseIdentity(Ed25519Identity identity) {
        this.identity = identity;
    }

    @Override
    public byte[] publicKeyProtobuf() {
        return identity.publicKeyProto();
    }

    @Override
    public byte[] sign(byte[] data) {
        return identity.sign(data);
    }
}
