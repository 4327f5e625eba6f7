package dev.granary.filecoin.market;

import dev.granary.filecoin.Address;
import dev.granary.filecoin.Signature;
import dev.granary.filecoin.TokenAmount;
import dev.granary.ipld.Cid;
import dev.granary.ipld.Multicodec;
import dev.granary.ipld.Multihash;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.List;
import java.util.UUID;

import static dev.granary.fuzz.FilecoinArbitraries.addresses;
import static dev.granary.fuzz.FilecoinArbitraries.bytes;
import static dev.granary.fuzz.FilecoinArbitraries.epochs;
import static dev.granary.fuzz.FilecoinArbitraries.pieceCids;
import static dev.granary.fuzz.FilecoinArbitraries.signatures;
import static dev.granary.fuzz.FilecoinArbitraries.tokenAmounts;
import static dev.granary.fuzz.FilecoinArbitraries.uint64s;

/**
 * Generators for every market type, covering what the wire allows rather than what is typical: every address
 * protocol, labels of both kinds (empty included), negative epochs and amounts, uint64 values above 2^63,
 * text from all Unicode planes, nullable fields both ways.
 */
final class MarketArbitraries {
    private static final List<String> CHECKPOINTS = List.of("Accepted", "Transferred", "Published", "PublishConfirmed",
            "AddedPiece", "IndexedAndAnnounced", "Complete");

    private MarketArbitraries() {
    }

    static Arbitrary<String> text(int maxCodePoints) {
        Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.integers().between(0x20, 0x7e)),
                Tuple.of(1, Arbitraries.integers().between(0, 0x1f)),
                Tuple.of(2, Arbitraries.integers().between(0x80, 0xd7ff)),
                Tuple.of(1, Arbitraries.integers().between(0xe000, 0xffff)),
                Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10ffff)));
        return codePoint.list().ofMaxSize(maxCodePoints).map(points -> {
            StringBuilder out = new StringBuilder();
            points.forEach(out::appendCodePoint);
            return out.toString();
        });
    }

    static Arbitrary<UUID> uuids() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
    }

    /** Payload roots, publish CIDs and signed proposal CIDs: any codec, v0 and v1. */
    static Arbitrary<Cid> cids() {
        Arbitrary<Multihash> sha256 = bytes(64).map(Multihash::sha256);
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.of(Multicodec.RAW, Multicodec.DAG_CBOR, Multicodec.DAG_PB), sha256).as(Cid::v1),
                sha256.map(Cid::v0),
                bytes(32).map(data -> Cid.v1(Multicodec.RAW, Multihash.identity(data))),
                bytes(32, 32).map(digest -> Cid.v1(Multicodec.DAG_CBOR, Multihash.of(Multicodec.BLAKE2B_256, digest))));
    }

    static Arbitrary<DealLabel> labels() {
        return Arbitraries.oneOf(
                Arbitraries.just(DealLabel.EMPTY),
                Arbitraries.just(DealLabel.bytes(new byte[0])),
                text(64).map(DealLabel::text),
                Arbitraries.strings().alpha().numeric().ofLength(59).map(s -> DealLabel.text("bafy" + s)),
                bytes(DealLabel.MAX_BYTES).map(DealLabel::bytes));
    }

    private record Terms(Cid pieceCid, long pieceSize, boolean verified, Address client, Address provider, DealLabel label,
                         long start, long end) {
    }

    static Arbitrary<DealProposal> proposals() {
        Arbitrary<Terms> terms = Combinators.combine(pieceCids(), uint64s(), Arbitraries.of(true, false), addresses(),
                addresses(), labels(), epochs(), epochs()).as(Terms::new);
        return Combinators.combine(terms, tokenAmounts(), tokenAmounts(), tokenAmounts()).as((t, price, providerCollateral,
                clientCollateral) -> new DealProposal(t.pieceCid, t.pieceSize, t.verified, t.client, t.provider, t.label,
                t.start, t.end, price, providerCollateral, clientCollateral));
    }

    static Arbitrary<ClientDealProposal> clientProposals() {
        return Combinators.combine(proposals(), signatures()).as(ClientDealProposal::new);
    }

    static Arbitrary<HttpTransferParams> httpParams() {
        Arbitrary<String> url = Arbitraries.oneOf(
                text(40).map(path -> "https://example.com/" + path),
                Arbitraries.just("libp2p:///ip4/1.2.3.4/tcp/1234/p2p/12D3KooWQYhTNQdmr3ArTeUHRYzFg94BKyTkoWBDWez9kSCVe2Xo"),
                text(20));
        return Combinators.combine(url, Arbitraries.maps(text(12), text(30)).ofMaxSize(4)).as(HttpTransferParams::new);
    }

    static Arbitrary<Transfer> transfers() {
        Arbitrary<String> type = Arbitraries.oneOf(Arbitraries.of(Transfer.HTTP, Transfer.LIBP2P, ""), text(10));
        Arbitrary<byte[]> params = Arbitraries.oneOf(bytes(120), httpParams().map(HttpTransferParams::toJson));
        return Arbitraries.oneOf(Arbitraries.just(Transfer.NONE),
                Combinators.combine(type, text(12), params, uint64s()).as(Transfer::new));
    }

    static Arbitrary<DealParams> dealParams() {
        return Combinators.combine(uuids(), Arbitraries.of(true, false), clientProposals(), cids(), transfers(),
                Arbitraries.of(true, false), Arbitraries.of(true, false)).as(DealParams::new);
    }

    static Arbitrary<DealParamsV120> dealParamsV120() {
        return dealParams().map(DealParams::toV120);
    }

    static Arbitrary<DealResponse> dealResponses() {
        return Arbitraries.oneOf(Arbitraries.just(DealResponse.ACCEPTED),
                Combinators.combine(Arbitraries.of(true, false), text(80)).as(DealResponse::new));
    }

    static Arbitrary<DealStatusRequest> statusRequests() {
        return Combinators.combine(uuids(), signatures()).as(DealStatusRequest::new);
    }

    static Arbitrary<DealStatus> dealStatuses() {
        Arbitrary<String> status = Arbitraries.oneOf(Arbitraries.of(CHECKPOINTS), text(20));
        Arbitrary<String> sealing = Arbitraries.oneOf(Arbitraries.of("Proving", "PreCommit1", "deal not found", ""), text(20));
        return Combinators.combine(text(30), status, proposals(), cids().injectNull(0.4), uint64s(), sealing, cids())
                .as(DealStatus::new);
    }

    static Arbitrary<DealStatusResponse> statusResponses() {
        Arbitrary<DealStatusResponse> failed = Combinators.combine(uuids(), text(60)).as(DealStatusResponse::failed);
        Arbitrary<DealStatusResponse> any = Combinators.combine(uuids(), text(30), Arbitraries.of(true, false),
                dealStatuses().injectNull(0.2), uint64s(), uint64s()).as(DealStatusResponse::new);
        return Arbitraries.oneOf(failed, any);
    }

    static Arbitrary<StorageAsk> storageAsks() {
        return Combinators.combine(tokenAmounts(), tokenAmounts(), uint64s(), uint64s(), addresses(), epochs(), epochs(),
                uint64s()).as(StorageAsk::new);
    }

    static Arbitrary<SignedStorageAsk> signedAsks() {
        return Combinators.combine(storageAsks(), signatures()).as(SignedStorageAsk::new);
    }

    static Arbitrary<AskRequest> askRequests() {
        return addresses().map(AskRequest::new);
    }

    static Arbitrary<AskResponse> askResponses() {
        return signedAsks().injectNull(0.3).map(AskResponse::new);
    }
}
