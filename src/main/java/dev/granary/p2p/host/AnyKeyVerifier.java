package dev.granary.p2p.host;

import dev.granary.p2p.identity.IdentityException;
import dev.granary.p2p.identity.PublicKeys;
import dev.granary.p2p.noise.NoiseHandshakeException;
import dev.granary.p2p.noise.NoiseKeyVerifier;

/** Accepts remote identities of every libp2p key type (go peers may still use RSA or secp256k1 keys). */
final class AnyKeyVerifier implements NoiseKeyVerifier {
    @Override
    public byte[] verify(byte[] publicKeyProtobuf, byte[] data, byte[] signature) throws NoiseHandshakeException {
        boolean valid;
        try {
            valid = PublicKeys.verify(publicKeyProtobuf, data, signature);
        } catch (IdentityException e) {
            throw new NoiseHandshakeException(NoiseHandshakeException.Reason.BAD_KEY, e.getMessage(), e);
        }
        if (!valid) {
            throw new NoiseHandshakeException(NoiseHandshakeException.Reason.BAD_SIGNATURE,
                    "identity signature over the Noise static key does not verify");
        }
        return publicKeyProtobuf.clone();
    }
}
