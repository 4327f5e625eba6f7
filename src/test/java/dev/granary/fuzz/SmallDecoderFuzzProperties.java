package dev.granary.fuzz;

import dev.granary.filecoin.Address;
import dev.granary.filecoin.AddressFormatException;
import dev.granary.filecoin.Signature;
import dev.granary.filecoin.SignatureFormatException;
import dev.granary.filecoin.TokenAmount;
import dev.granary.ipld.Cid;
import dev.granary.ipld.IpldFormatException;
import dev.granary.ipld.Multibase;
import dev.granary.ipld.Multihash;
import dev.granary.ipld.Varint;
import dev.granary.piece.InvalidPieceCidException;
import dev.granary.piece.PieceCids;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.HexFormat;
import java.util.List;

/**
 * The small decoders that read text and bytes from strangers (CIDs, multihashes, varints, multibase, addresses,
 * signatures, big integers, piece CIDs): 100,000 cases each of random and damaged valid input, and each may
 * refuse only with its own format exception, never anything else.
 */
class SmallDecoderFuzzProperties {
    private static final int TRIES = 100_000;
    private static final List<byte[]> VALID_BYTES = List.of(
            HexFormat.of().parseHex("0181e2039220207b0927471513af679f864b36c4aa9f7091f7c7dff736c6cfbb3eea7878658907"),
            HexFormat.of().parseHex("01551220" + "ab".repeat(32)),
            HexFormat.of().parseHex("1220" + "cd".repeat(32)),
            Address.parse("f1abjxfbp274xpdqcpuaykwkfb43omjotacm2p3za").bytes(),
            Address.parse("f410fkkld55ioe7qg24wvt7fu6pbknb56ht7pt4zamxa").bytes(),
            HexFormat.of().parseHex("00" + "01ff"),
            HexFormat.of().parseHex("01" + "11".repeat(65)));
    private static final List<String> VALID_TEXT = List.of(
            "baga6ea4seaqhwcjhi4krhl3ht6dewnwevkpxbepxy7p7onwgz65t52typbsysby",
            "bafkzcibcaapao7vvcgh4pmr5yknfl4rrq6ocrlqqyjx5e5gncrbdbo7ubfrgfwx4n64",
            "QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG",
            "f1abjxfbp274xpdqcpuaykwkfb43omjotacm2p3za", "t01024", "f410fkkld55ioe7qg24wvt7fu6pbknb56ht7pt4zamxa",
            "0.05 FIL", "500 attoFIL", "12");

    @Provide
    Arbitrary<byte[]> bytes() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(80);
        Arbitrary<byte[]> damaged = Arbitraries.of(VALID_BYTES).flatMap(valid -> Arbitraries.integers()
                .between(0, valid.length * 8 + 8).map(bit -> damage(valid, bit)));
        return Arbitraries.oneOf(random, damaged);
    }

    @Provide
    Arbitrary<String> text() {
        Arbitrary<String> random = Arbitraries.strings().ofMaxLength(80);
        Arbitrary<String> damaged = Arbitraries.of(VALID_TEXT).flatMap(valid -> Arbitraries.integers().between(0, valid.length())
                .flatMap(at -> Arbitraries.chars().map(c -> valid.substring(0, at) + c + valid.substring(Math.min(valid.length(), at + 1)))));
        return Arbitraries.oneOf(random, damaged);
    }

    @Property(tries = TRIES)
    void binaryDecoders(@ForAll("bytes") byte[] input) {
        only(IpldFormatException.class, () -> Cid.fromBytes(input));
        only(IpldFormatException.class, () -> Multihash.fromBytes(input));
        only(IpldFormatException.class, () -> Varint.decode(input, 0));
        only(AddressFormatException.class, () -> Address.fromBytes(input));
        only(SignatureFormatException.class, () -> Signature.fromBytes(input));
        only(IllegalArgumentException.class, () -> TokenAmount.fromBigIntBytes(input));
    }

    @Property(tries = TRIES)
    void textDecoders(@ForAll("text") String input) {
        only(IpldFormatException.class, () -> Cid.parse(input));
        only(IpldFormatException.class, () -> Multibase.decode(input));
        only(AddressFormatException.class, () -> Address.parse(input));
        only(InvalidPieceCidException.class, () -> PieceCids.parse(input));
        only(NumberFormatException.class, () -> TokenAmount.parse(input));
    }

    private static void only(Class<? extends RuntimeException> allowed, Runnable decode) {
        try {
            decode.run();
        } catch (RuntimeException e) {
            if (!allowed.isInstance(e)) {
                throw new AssertionError("expected only " + allowed.getSimpleName() + " but got " + e, e);
            }
        }
    }

    private static byte[] damage(byte[] valid, int bit) {
        if (bit >= valid.length * 8) {
            return java.util.Arrays.copyOf(valid, Math.max(0, valid.length - (bit - valid.length * 8)));
        }
        byte[] copy = valid.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return copy;
    }
}
