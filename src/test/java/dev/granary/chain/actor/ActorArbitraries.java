package dev.granary.chain.actor;

import dev.granary.filecoin.Address;
import dev.granary.filecoin.Signature;
import dev.granary.filecoin.TokenAmount;
import dev.granary.filecoin.market.ClientDealProposal;
import dev.granary.filecoin.market.DealLabel;
import dev.granary.filecoin.market.DealProposal;
import dev.granary.ipld.Cid;
import dev.granary.ipld.Multicodec;
import dev.granary.ipld.Multihash;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.Arrays;

import static dev.granary.fuzz.FilecoinArbitraries.addresses;
import static dev.granary.fuzz.FilecoinArbitraries.bytes;
import static dev.granary.fuzz.FilecoinArbitraries.epochs;
import static dev.granary.fuzz.FilecoinArbitraries.pieceCids;
import static dev.granary.fuzz.FilecoinArbitraries.signatures;
import static dev.granary.fuzz.FilecoinArbitraries.tokenAmounts;
import static dev.granary.fuzz.FilecoinArbitraries.uint64s;

/**
 * Generators for the actor types, covering what the wire allows: every address protocol, uint64 values above
 * 2^63, negative epochs and amounts, sparse and dense bitfields up to long runs, nullable fields both ways.
 */
final class ActorArbitraries {
    private ActorArbitraries() {
    }

    static Arbitrary<Cid> cids() {
        Arbitrary<Multihash> sha256 = bytes(64).map(Multihash::sha256);
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(Multicodec.RAW, Multicodec.DAG_CBOR), sha256).as(Cid::v1),
                sha256.map(Cid::v0),
                pieceCids(),
                sealedCids());
    }

    static Arbitrary<Cid> sealedCids() {
        return bytes(32, 32).map(digest -> Cid.v1(Multicodec.FIL_COMMITMENT_SEALED,
                Multihash.of(Multicodec.POSEIDON_BLS12_381_A2_FC1, digest)));
    }

    static Arbitrary<DealLabel> labels() {
        return Arbitraries.oneOf(Arbitraries.just(DealLabel.EMPTY),
                Arbitraries.strings().ofMaxLength(40).map(DealLabel::text), bytes(40).map(DealLabel::bytes));
    }

    private record Terms(Cid pieceCid, long pieceSize, boolean verified, Address client, Address provider,
                         DealLabel label, long start, long end) {
    }

    static Arbitrary<ClientDealProposal> clientProposals() {
        Arbitrary<Terms> terms = Combinators.combine(pieceCids(), uint64s(), Arbitraries.of(true, false), addresses(),
                addresses(), labels(), epochs(), epochs()).as(Terms::new);
        Arbitrary<DealProposal> proposals = Combinators.combine(terms, tokenAmounts(), tokenAmounts(), tokenAmounts())
                .as((t, price, providerCollateral, clientCollateral) -> new DealProposal(t.pieceCid, t.pieceSize,
                        t.verified, t.client, t.provider, t.label, t.start, t.end, price, providerCollateral,
                        clientCollateral));
        return Combinators.combine(proposals, signatures()).as(ClientDealProposal::new);
    }

    /**
     * Bitfields from alternating run lengths: mostly short runs (single and short blocks), some long ones
     * (varints of every width), sometimes reaching right up to {@link BitField#MAX_VALUE}.
     */
    static Arbitrary<BitField> bitFields() {
        Arbitrary<Long> run = Arbitraries.oneOf(
                Arbitraries.longs().between(1, 3), Arbitraries.longs().between(1, 20), Arbitraries.longs().between(16, 5000),
                Arbitraries.longs().between(1, Long.MAX_VALUE >>> 8));
        Arbitrary<BitField> fromRuns = Combinators.combine(Arbitraries.longs().between(0, 40), run.list().ofMaxSize(40))
                .as((first, rest) -> {
                    long[] runs = new long[rest.size() + 1];
                    runs[0] = first;
                    long total = first;
                    int n = 1;
                    for (long length : rest) {
                        if (length > BitField.MAX_VALUE + 1 - total) {
                            break;
                        }
                        runs[n++] = length;
                        total += length;
                    }
                    return BitField.fromRuns(Arrays.copyOf(runs, n));
                });
        Arbitrary<BitField> small = Arbitraries.longs().between(0, 300).list().ofMaxSize(60).map(BitField::of);
        Arbitrary<BitField> top = Arbitraries.longs().between(1, 100).map(n -> BitField.range(BitField.MAX_VALUE + 1 - n,
                BitField.MAX_VALUE + 1));
        return Arbitraries.oneOf(fromRuns, small, top, Arbitraries.just(BitField.EMPTY));
    }
}
