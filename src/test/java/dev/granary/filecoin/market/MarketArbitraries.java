package dev.granary.filecoin.market;

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
import net.jqwik.api.Tuple;

import java.math.BigInteger;
import java.util.List;
import java.util.UUID;

/**
 * Generators for every market type, covering what the wire allows rather than what is typical: every address
 * protocol, labels of both kinds (empty included), negative epochs and amounts, uint64 values above 2^63,
 * text from all Unicode planes, nullable fields both ways.
 */
final class MarketArbitraries {
    private static final BigInteger LARGEST_AMOUNT = BigInteger.ONE.shiftLeft(8 * 127).subtract(BigInteger.ONE);

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

    static Arbitrary<byte[]> bytes(int maxLength) {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(maxLength);
    }

    static Arbitrary<byte[]> bytes(int minLength, int maxLength) {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(minLength).ofMaxSize(maxLength);
    }

    /** Go uint64 values as Java longs: negative ones are the values from 2^63 up. */
    static Arbitrary<Long> uint64s() {
        return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(0, 1L << 40));
    }

    static Arbitrary<Long> epochs() {
        return Arbitraries.oneOf(Arbitraries.longs().between(-10, 10_000_000), Arbitraries.longs());
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

    static Arbitrary<Cid> pieceCids() {
        return bytes(32, 32).map(digest -> Cid.v1(Multicodec.FIL_COMMITMENT_UNSEALED,
                Multihash.of(Multicodec.SHA2_256_TRUNC254_PADDED, digest)));
    }

    static Arbitrary<Address> addresses() {
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

    static Arbitrary<TokenAmount> tokenAmounts() {
        return Arbitraries.oneOf(
                Arbitraries.just(TokenAmount.ZERO),
                Arbitraries.longs().map(TokenAmount::ofAttoFil),
                Arbitraries.bigIntegers().between(LARGEST_AMOUNT.negate(), LARGEST_AMOUNT).map(TokenAmount::ofAttoFil));
    }

    static Arbitrary<Signature> signatures() {
        return Arbitraries.oneOf(
                bytes(65, 65).map(data -> new Signature(SignatureType.SECP256K1, data)),
                bytes(96, 96).map(data -> new Signature(SignatureType.BLS, data)),
                bytes(65, 65).map(data -> new Signature(SignatureType.DELEGATED, data)),
                Combinators.combine(Arbitraries.of(SignatureType.class), bytes(Signature.MAX_BYTES - 1)).as(Signature::new));
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
