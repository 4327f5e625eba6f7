package dev.granary.filecoin.chain;

import dev.granary.filecoin.Address;
import dev.granary.filecoin.Signature;
import dev.granary.filecoin.TokenAmount;
import dev.granary.ipld.cbor.CborReader;
import dev.granary.ipld.cbor.CborWriter;

/** How chain messages carry addresses, amounts and signatures (the go-state-types encodings). */
final class ChainFields {
    /** go-address refuses longer binary addresses on decode. */
    static final int MAX_ADDRESS_BYTES = 64;

    private ChainFields() {
    }

    static void writeAddress(CborWriter w, Address address) {
        w.writeBytes(address.bytes());
    }

    static Address readAddress(CborReader r) {
        byte[] bytes = r.readBytes(MAX_ADDRESS_BYTES);
        try {
            return Address.fromBytes(bytes);
        } catch (IllegalArgumentException e) {
            throw r.fail(e.getMessage());
        }
    }

    static void writeTokenAmount(CborWriter w, TokenAmount amount) {
        w.writeBigInt(amount.attoFil());
    }

    static TokenAmount readTokenAmount(CborReader r) {
        return TokenAmount.ofAttoFil(r.readBigInt());
    }

    static void writeSignature(CborWriter w, Signature signature) {
        w.writeBytes(signature.bytes());
    }

    static Signature readSignature(CborReader r) {
        byte[] bytes = r.readBytes(Signature.MAX_BYTES);
        try {
            return Signature.fromBytes(bytes);
        } catch (IllegalArgumentException e) {
            throw r.fail(e.getMessage());
        }
    }
}
