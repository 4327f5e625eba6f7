package dev.granary.filecoin.market;

import dev.granary.filecoin.Address;
import dev.granary.filecoin.Signature;
import dev.granary.filecoin.TokenAmount;
import dev.granary.ipld.Cid;
import dev.granary.ipld.Multicodec;
import dev.granary.ipld.Multihash;
import dev.granary.ipld.cbor.Cbor;
import dev.granary.ipld.cbor.CborCodec;
import dev.granary.ipld.cbor.CborDecodeException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.granary.filecoin.market.MarketVectors.HEX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Key order on write (boost.md §1.3-§1.10), what readers tolerate, and what they refuse. */
class WireFormatTest {
    private static final UUID DEAL = UUID.fromString("00112233-4455-6677-8899-aabbccddeeff");
    private static final Signature SIGNATURE = Signature.fromBytes(HEX.parseHex("01" + "00".repeat(65)));
    private static final Cid ROOT = Cid.v1(Multicodec.RAW, Multihash.sha256(new byte[] {1}));
    private static final DealProposal PROPOSAL = Cbor.decode(DealProposal.CODEC, HEX.parseHex(
            "8bd82a5828000181e2039220206b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b"
                    + "190800f4420068420066656c6162656c0a1a0008ca0a42000a42000a42000a"));
    private static final ClientDealProposal SIGNED = new ClientDealProposal(PROPOSAL, SIGNATURE);
    private static final DealParams PARAMS = new DealParams(DEAL, false, SIGNED, ROOT, Transfer.NONE, true, true);
    private static final StorageAsk ASK = new StorageAsk(TokenAmount.ofAttoFil(5), TokenAmount.ZERO, 256, 1 << 30,
            Address.id(1000), 1, 2, 3);
    private static final DealStatus STATUS = new DealStatus("", "Published", PROPOSAL, ROOT, 0, "", ROOT);

    private static final CborCodec<List<String>> KEYS = CborCodec.of((w, v) -> {
        throw new UnsupportedOperationException();
    }, r -> {
        List<String> keys = new ArrayList<>();
        for (int i = r.readMapHeader(); i > 0; i--) {
            keys.add(r.readText());
            r.skip();
        }
        return keys;
    });

    private static <T> List<String> keysOf(CborCodec<T> codec, T value) {
        return Cbor.decode(KEYS, Cbor.encode(codec, value));
    }

    @Test
    void mapKeysGoInTheOrderTheSpecListsThem() {
        assertEquals(List.of("DealUUID", "Transfer", "IsOffline", "DealDataRoot", "SkipIPNIAnnounce", "ClientDealProposal",
                "RemoveUnsealedCopy"), keysOf(DealParams.CODEC, PARAMS));
        assertEquals(List.of("DealUUID", "Transfer", "IsOffline", "DealDataRoot", "ClientDealProposal"),
                keysOf(DealParamsV120.CODEC, PARAMS.toV120()));
        assertEquals(List.of("Size", "Type", "Params", "ClientID"), keysOf(Transfer.CODEC, Transfer.NONE));
        assertEquals(List.of("Message", "Accepted"), keysOf(DealResponse.CODEC, DealResponse.ACCEPTED));
        assertEquals(List.of("DealUUID", "Signature"), keysOf(DealStatusRequest.CODEC, new DealStatusRequest(DEAL, SIGNATURE)));
        assertEquals(List.of("Error", "DealUUID", "IsOffline", "DealStatus", "TransferSize", "NBytesReceived"),
                keysOf(DealStatusResponse.CODEC, DealStatusResponse.failed(DEAL, "x")));
        assertEquals(List.of("Error", "Status", "Proposal", "PublishCid", "ChainDealID", "SealingStatus", "SignedProposalCid"),
                keysOf(DealStatus.CODEC, STATUS));
        assertEquals(List.of("Miner", "Price", "SeqNo", "Expiry", "Timestamp", "MaxPieceSize", "MinPieceSize", "VerifiedPrice"),
                keysOf(StorageAsk.CODEC, ASK), "boost.md §1.10's wire order, which is also canonical order");
        assertEquals(StorageAsk.WIRE_ORDER, keysOf(StorageAsk.CODEC, ASK));
        assertEquals(List.of("Ask", "Signature"), keysOf(SignedStorageAsk.CODEC, new SignedStorageAsk(ASK, SIGNATURE)));
        assertEquals(List.of("Miner"), keysOf(AskRequest.CODEC, new AskRequest(Address.id(1000))));
        assertEquals(List.of("Ask"), keysOf(AskResponse.CODEC, new AskResponse(null)));
    }

    @Test
    void aVersion120RequestReadsWithBothFlagsFalse() {
        DealParams read = Cbor.decode(DealParams.CODEC, Cbor.encode(DealParamsV120.CODEC, PARAMS.toV120()));
        assertEquals(new DealParams(DEAL, false, SIGNED, ROOT, Transfer.NONE, false, false), read);
    }

    @Test
    void keysMayComeInAnyOrderAndUnknownOnesAreSkipped() {
        // {"Extra": [1, {"x": h'00'}], "Accepted": true, "Message": "no"}
        byte[] bytes = HEX.parseHex("a3" + "654578747261" + "8201a161784100" + "684163636570746564" + "f5"
                + "674d657373616765" + "626e6f");
        assertEquals(new DealResponse(true, "no"), Cbor.decode(DealResponse.CODEC, bytes));
        assertEquals(new DealResponse(false, ""), Cbor.decode(DealResponse.CODEC, HEX.parseHex("a0")), "Go's zero values");
    }

    @Test
    void duplicateKeysAreRefused() {
        byte[] bytes = HEX.parseHex("a2" + "684163636570746564" + "f5" + "684163636570746564" + "f4");
        CborDecodeException e = assertThrows(CborDecodeException.class, () -> Cbor.decode(DealResponse.CODEC, bytes));
        assertTrue(e.problem().contains("duplicate"), e.getMessage());
    }

    @Test
    void keysWithoutAZeroValueAreRequired() {
        CborDecodeException e = assertThrows(CborDecodeException.class, () -> Cbor.decode(DealParams.CODEC, HEX.parseHex("a0")));
        assertTrue(e.problem().contains("DealParams has no DealUUID entry"), e.getMessage());
        assertThrows(CborDecodeException.class, () -> Cbor.decode(DealStatusRequest.CODEC, HEX.parseHex("a0")));
        assertThrows(CborDecodeException.class, () -> Cbor.decode(AskRequest.CODEC, HEX.parseHex("a0")));
        assertEquals(Transfer.NONE, Cbor.decode(Transfer.CODEC, HEX.parseHex("a0")));
        assertEquals(new AskResponse(null), Cbor.decode(AskResponse.CODEC, HEX.parseHex("a0")));
    }

    @Test
    void dealUuidsAreExactly16Bytes() {
        for (String uuid : List.of("4f" + "00".repeat(15), "51" + "00".repeat(17))) {
            byte[] bytes = HEX.parseHex("a2" + "684465616c55554944" + uuid + "695369676e6174757265" + "42" + "0100");
            assertThrows(CborDecodeException.class, () -> Cbor.decode(DealStatusRequest.CODEC, bytes), uuid);
        }
    }

    @Test
    void signaturesOfUnknownTypeAreRefused() {
        byte[] bytes = HEX.parseHex("a2" + "684465616c55554944" + "50" + "00".repeat(16) + "695369676e6174757265" + "42" + "0400");
        CborDecodeException e = assertThrows(CborDecodeException.class, () -> Cbor.decode(DealStatusRequest.CODEC, bytes));
        assertTrue(e.path().endsWith("Signature"), e.getMessage());
    }

    @Test
    void pieceCidsMustBeCommP() {
        Cid raw = Cid.v1(Multicodec.RAW, Multihash.sha256(new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new DealProposal(raw, 2048, false, PROPOSAL.client(),
                PROPOSAL.provider(), DealLabel.EMPTY, 0, 1, TokenAmount.ZERO, TokenAmount.ZERO, TokenAmount.ZERO));
        Cid sealed = Cid.v1(Multicodec.FIL_COMMITMENT_SEALED, PROPOSAL.pieceCid().multihash());
        assertTrue(DealProposal.pieceCidProblem(sealed) != null);
        assertEquals(null, DealProposal.pieceCidProblem(PROPOSAL.pieceCid()));
    }

    @Test
    void rejectionReasonsAreFittedToWhatCborGenCanWrite() {
        DealResponse response = DealResponse.rejected("é".repeat(5000) + "\uD800");
        assertEquals(4096, response.message().length(), "8192 bytes of two-byte characters");
        assertEquals("bad \uFFFD", DealResponse.rejected("bad \uDC00").message());
        assertThrows(IllegalArgumentException.class, () -> new DealResponse(false, "x".repeat(8193)));
        assertEquals(8192, DealStatusResponse.failed(DEAL, "x".repeat(9000)).error().length());
    }

    @Test
    void transferParamsStayOutOfLogs() {
        Transfer transfer = Transfer.of(Transfer.HTTP, new HttpTransferParams("https://h/x.car",
                Map.of("Authorization", "Bearer secret")), 10);
        assertTrue(!transfer.toString().contains("secret"), transfer.toString());
    }

    @Test
    void readerPathsNameTheField() {
        byte[] bytes = Cbor.encode(ClientDealProposal.CODEC, SIGNED);
        bytes[bytes.length - 66] = 0x00; // signature type 0, which Go's decoder refuses too
        CborDecodeException e = assertThrows(CborDecodeException.class, () -> Cbor.decode(ClientDealProposal.CODEC, bytes));
        assertTrue(e.getMessage().startsWith("ClientDealProposal.ClientSignature: unknown signature type 0"), e.getMessage());
    }
}
