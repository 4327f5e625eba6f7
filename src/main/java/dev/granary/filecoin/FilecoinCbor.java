package dev.granary.filecoin;

import dev.granary.ipld.cbor.CborReader;
import dev.granary.ipld.cbor.CborWriter;

/**
 * How every Filecoin CBOR structure (messages, market and actor types) carries addresses, token amounts and
 * signatures: one byte string each, as go-state-types and fvm_ipld_encoding write them.
 */
public final class FilecoinCbor {
    /** go-address refuses longer binary addresses on decode. */
    public static final int MAX_ADDRESS_BYTES = 64;

    private FilecoinCbor() {
    }

    public static void writeAddress(CborWriter w, Address address) {
        w.writeBytes(address.bytes());
    }

    public static Address readAddress(CborReader r) {
        byte[] bytes = r.readBytes(MAX_ADDRESS_BYTES);
        try {
            return Address.fromBytes(bytes);
        } catch (IllegalArgumentException e) {
            throw r.fail(e.getMessage());
        }
    }

    public static void writeTokenAmount(CborWriter w, TokenAmount amount) {
        w.writeBigInt(amount.attoFil());
    }

    public static TokenAmount readTokenAmount(CborReader r) {
        return TokenAmount.ofAttoFil(r.readBigInt());
    }

    /** One byte string, type byte first (go-state-types crypto.Signature). */
    public static void writeSignature(CborWriter w, Signature signature) {
        w.writeBytes(signature.bytes());
    }

    public static Signature readSignature(CborReader r) {
        byte[] bytes = r.readBytes(Signature.MAX_BYTES);
        try {
            return Signature.fromBytes(bytes);
        } catch (IllegalArgumentException e) {
            throw r.fail(e.getMessage());
        }
    }
}
