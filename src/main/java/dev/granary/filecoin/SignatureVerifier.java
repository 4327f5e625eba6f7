package dev.granary.filecoin;

/**
 * Checks that a Filecoin signature over a message was made by the key behind an address, dispatching on the
 * signature type: secp256k1 against f1, BLS against f3, delegated against f410. The signer must be that key
 * address; an f0 ID address has to be resolved to it from chain state first.
 *
 * <p>Verification is CPU work (an EC recovery or a two-pairing check, up to a few milliseconds): callers on a Vert.x event loop
 * run it with {@code executeBlocking} or on a worker, never inline.
 */
public final class SignatureVerifier {
    private SignatureVerifier() {
    }

    /** Returns normally if the signature is valid; otherwise throws with the reason. */
    public static void verify(Signature signature, byte[] message, Address signer) throws InvalidSignatureException {
        AddressProtocol expected = switch (signature.type()) {
            case SECP256K1 -> AddressProtocol.SECP256K1;
            case BLS -> AddressProtocol.BLS;
            case DELEGATED -> AddressProtocol.DELEGATED;
        };
        if (signer.protocol() != expected) {
            throw new InvalidSignatureException("a " + signature.type() + " signature must be checked against a " + expected
                    + " address, but the signer is " + signer);
        }
        byte[] data = signature.data();
        boolean valid = switch (signature.type()) {
            case SECP256K1 -> Secp256k1.verify(requireLength(data, Secp256k1.SIGNATURE_BYTES, signature), message, signer);
            case DELEGATED -> DelegatedSignatures.verify(requireLength(data, Secp256k1.SIGNATURE_BYTES, signature), message, signer);
            case BLS -> {
                if (!Bls.available()) {
                    throw new InvalidSignatureException("unsupported signature type: BLS (" + Bls.unavailableReason() + ")");
                }
                yield Bls.verify(requireLength(data, Bls.SIGNATURE_BYTES, signature), message, signer.payload());
            }
        };
        if (!valid) {
            throw new InvalidSignatureException(signature.type() + " signature was not made by " + signer + " over this message");
        }
    }

    public static boolean isValid(Signature signature, byte[] message, Address signer) {
        try {
            verify(signature, message, signer);
            return true;
        } catch (InvalidSignatureException e) {
            return false;
        }
    }

    private static byte[] requireLength(byte[] data, int expected, Signature signature) throws InvalidSignatureException {
        if (data.length != expected) {
            throw new InvalidSignatureException(signature.type() + " signature must be " + expected + " bytes, got " + data.length);
        }
        return data;
    }
}
