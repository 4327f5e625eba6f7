package dev.granary.filecoin;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static dev.granary.filecoin.Vectors.HEX;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignatureTest {
    private static final byte[] MESSAGE = HEX.parseHex("0171a0e40220e90f3daa7e7f73cbc3d708f6d39f3a5eddba82743776a85c3743f39843b71aeb");

    @Test
    void wireFormIsTypeByteThenData() {
        byte[] data = HEX.parseHex("9c5b9323b331117a934344269904e6a9b52c3597c715794d8f3facbac5439009354ab4427492b1955659acce2f52d54149882d3087a280d7e9a9d2862058685900");
        Signature signature = new Signature(SignatureType.SECP256K1, data);
        byte[] wire = signature.bytes();
        assertEquals(66, wire.length);
        assertEquals(1, wire[0]);
        assertEquals(signature, Signature.fromBytes(wire));
        assertArrayEquals(data, Signature.fromBytes(wire).data());
        assertEquals(2, new Signature(SignatureType.BLS, new byte[96]).bytes()[0]);
        assertEquals(3, new Signature(SignatureType.DELEGATED, new byte[65]).bytes()[0]);
    }

    @Test
    void malformedWireFormsAreRejected() {
        assertThrows(SignatureFormatException.class, () -> Signature.fromBytes(new byte[0]));
        assertThrows(SignatureFormatException.class, () -> Signature.fromBytes(new byte[]{0, 1}));
        assertThrows(SignatureFormatException.class, () -> Signature.fromBytes(new byte[]{(byte) 255}));
        assertThrows(SignatureFormatException.class, () -> Signature.fromBytes(new byte[]{4}));
        assertThrows(SignatureFormatException.class, () -> Signature.fromBytes(new byte[201]));
        assertEquals(200, Signature.fromBytes(prefixed(1, new byte[199])).bytes().length);
    }

    @Test
    void verifierDispatchesOnTypeAndNamesTheProblem() throws InvalidSignatureException {
        byte[] secpKey = HEX.parseHex("f15716d3b003b304b8055d9cc62e6b9c869d56cc930c3858d4d7c31f5f53f14a");
        Address f1 = Address.parse("t1d2xrzcslx7xlbbylc5c3d5lvandqw4iwl6epxba");
        Signature secp = new Signature(SignatureType.SECP256K1, Secp256k1.sign(secpKey, MESSAGE));
        SignatureVerifier.verify(secp, MESSAGE, f1);

        byte[] blsKey = Bls.generatePrivateKey(new SecureRandom());
        Address f3 = Address.bls(Bls.publicKey(blsKey));
        SignatureVerifier.verify(new Signature(SignatureType.BLS, Bls.sign(blsKey, MESSAGE)), MESSAGE, f3);

        Address f410 = DelegatedSignatures.address(Secp256k1.publicKey(secpKey));
        SignatureVerifier.verify(new Signature(SignatureType.DELEGATED, DelegatedSignatures.sign(secpKey, MESSAGE)), MESSAGE, f410);

        assertMessage("must be checked against a BLS address", () -> SignatureVerifier.verify(
                new Signature(SignatureType.BLS, new byte[96]), MESSAGE, f1));
        assertMessage("must be checked against a SECP256K1 address", () -> SignatureVerifier.verify(secp, MESSAGE, Address.id(1000)));
        assertMessage("must be 65 bytes", () -> SignatureVerifier.verify(new Signature(SignatureType.SECP256K1, new byte[64]), MESSAGE, f1));
        assertMessage("was not made by", () -> SignatureVerifier.verify(secp, new byte[]{1}, f1));
        assertMessage("was not made by", () -> SignatureVerifier.verify(
                new Signature(SignatureType.SECP256K1, new byte[65]), MESSAGE, f1));
        assertFalse(SignatureVerifier.isValid(secp, MESSAGE, Address.parse("f17uoq6tp427uzv7fztkbsnn64iwotfrristwpryy")));
        assertTrue(SignatureVerifier.isValid(secp, MESSAGE, f1));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        InvalidSignatureException e = assertThrows(InvalidSignatureException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static byte[] prefixed(int type, byte[] data) {
        byte[] out = new byte[1 + data.length];
        out[0] = (byte) type;
        System.arraycopy(data, 0, out, 1, data.length);
        return out;
    }
}
