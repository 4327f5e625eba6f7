package dev.granary.fuzz;

import dev.granary.filecoin.Address;
import dev.granary.filecoin.Signature;
import dev.granary.filecoin.SignatureType;
import dev.granary.filecoin.TokenAmount;
import dev.granary.ipld.Cid;
import dev.granary.ipld.Multicodec;
import dev.granary.ipld.Multihash;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.math.BigInteger;

/**
 * Generators for the Filecoin field types every wire structure shares, covering what the wire allows rather than
 * what is typical: every address protocol, uint64 values above 2^63, negative epochs and amounts, signatures of
 * every type and odd lengths.
 */
public final class FilecoinArbitraries {
    private static final BigInteger LARGEST_AMOUNT = BigInteger.ONE.shiftLeft(8 * 127).subtract(BigInteger.ONE);

    private FilecoinArbitraries() {
    }

    public static Arbitrary<byte[]> bytes(int maxLength) {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(maxLength);
    }
    public static Arbitrary<byte[]> bytes(int minLength, int maxLength) {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(minLength).ofMaxSize(maxLength);
    }
    /** Go uint64 values as Java longs: negative ones are the values from 2^63 up. */
    public static Arbitrary<Long> uint64s() {
        return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(0, 1L << 40));
    }
    public static Arbitrary<Long> epochs() {
        return Arbitraries.oneOf(Arbitraries.longs().between(-10, 10_000_000), Arbitraries.longs());
    }
    public static Arbitrary<Cid> pieceCids() {
        return bytes(32, 32).map(digest -> Cid.v1(Multicodec.FIL_COMMITMENT_UNSEALED,
                Multihash.of(Multicodec.SHA2_256_TRUNC254_PADDED, digest)));
    }
    public static Arbitrary<Address> addresses() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(0, Long.MAX_VALUE).map(Address::id),
                Arbitraries.longs().between(0, 100_000).map(Address::id),
                bytes(65).map(Address::actor),
                bytes(64, 64).map(xy -> Address.secp256k1(uncompressedKey(xy))),
                bytes(48, 48).map(Address::bls),
                bytes(20, 20).map(Address::ethereum),
                Combinators.combine(Arbitraries.longs().between(0, Long.MAX_VALUE), bytes(Address.MAX_SUBADDRESS_BYTES))
                        .as(Address::delegated));
    }
    /** The address only hashes the key, so any 64 bytes after the 0x04 marker will do (and cost no EC work). */
    private static byte[] uncompressedKey(byte[] xy) {
        byte[] key = new byte[1 + xy.length];
        key[0] = 0x04;
        System.arraycopy(xy, 0, key, 1, xy.length);
        return key;
    }
    public static Arbitrary<TokenAmount> tokenAmounts() {
        return Arbitraries.oneOf(
                Arbitraries.just(TokenAmount.ZERO),
                Arbitraries.longs().map(TokenAmount::ofAttoFil),
                Arbitraries.bigIntegers().between(LARGEST_AMOUNT.negate(), LARGEST_AMOUNT).map(TokenAmount::ofAttoFil));
    }
    public static Arbitrary<Signature> signatures() {
        return Arbitraries.oneOf(
                bytes(65, 65).map(data -> new Signature(SignatureType.SECP256K1, data)),
                bytes(96, 96).map(data -> new Signature(SignatureType.BLS, data)),
                bytes(65, 65).map(data -> new Signature(SignatureType.DELEGATED, data)),
                Combinators.combine(Arbitraries.of(SignatureType.class), bytes(Signature.MAX_BYTES - 1)).as(Signature::new));
    }
}
