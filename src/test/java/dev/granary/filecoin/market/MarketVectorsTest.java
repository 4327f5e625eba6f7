package dev.granary.filecoin.market;

import com.fasterxml.jackson.databind.JsonNode;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.Bls;
import dev.granary.filecoin.InvalidSignatureException;
import dev.granary.filecoin.Signature;
import dev.granary.filecoin.SignatureType;
import dev.granary.filecoin.SignatureVerifier;
import dev.granary.filecoin.TokenAmount;
import dev.granary.ipld.Cid;
import dev.granary.ipld.Multicodec;
import dev.granary.ipld.Multihash;
import dev.granary.ipld.cbor.Cbor;
import dev.granary.ipld.cbor.CborDecodeException;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static dev.granary.filecoin.market.MarketVectors.HEX;
import static dev.granary.filecoin.market.MarketVectors.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The byte vectors of commp.md §9.3 and boost.md §1/§9: read to the documented fields, written back identically. */
class MarketVectorsTest {
    private static final JsonNode PROPOSALS = MarketVectors.load("deal-proposals.json");
    private static final JsonNode MESSAGES = MarketVectors.load("boost-messages.json");
    private static final UUID DEAL_UUID = UUID.fromString(MESSAGES.get("uuid").asText());

    @Test
    void proposalVectorsReadAsDocumentedAndWriteBackIdentically() {
        assertEquals(2, PROPOSALS.get("proposals").size());
        for (JsonNode v : PROPOSALS.get("proposals")) {
            String name = v.get("name").asText();
            byte[] bytes = hex(v, "hex");
            DealProposal p = Cbor.decode(DealProposal.CODEC, bytes);
            assertEquals(v.get("bytes").asInt(), bytes.length, name);
            assertEquals(Cid.parse(v.get("pieceCid").asText()), p.pieceCid(), name);
            assertEquals(v.get("pieceSize").asText(), Long.toUnsignedString(p.pieceSize()), name);
            assertEquals(v.get("verifiedDeal").asBoolean(), p.verifiedDeal(), name);
            assertEquals(Address.parse(v.get("client").asText()), p.client(), name);
            assertEquals(Address.parse(v.get("provider").asText()), p.provider(), name);
            assertEquals(DealLabel.text(v.get("labelText").asText()), p.label(), name);
            assertEquals(v.get("startEpoch").asLong(), p.startEpoch(), name);
            assertEquals(v.get("endEpoch").asLong(), p.endEpoch(), name);
            assertEquals(attoFil(v, "storagePricePerEpoch"), p.storagePricePerEpoch(), name);
            assertEquals(attoFil(v, "providerCollateral"), p.providerCollateral(), name);
            assertEquals(attoFil(v, "clientCollateral"), p.clientCollateral(), name);

            assertArrayEquals(bytes, Cbor.encode(DealProposal.CODEC, p), name);
            assertArrayEquals(bytes, p.signingBytes(), name);
            assertEquals(v.get("proposalCid").asText(), p.cid().toString(), name);
        }
    }

    @Test
    void publishStorageDealsVectorIsRefusedForItsDummyPieceCid() {
        CborDecodeException e = assertThrows(CborDecodeException.class,
                () -> Cbor.decode(MarketVectors.PUBLISH_STORAGE_DEALS, hex(PROPOSALS.get("publishStorageDeals"), "hex")));
        assertTrue(e.path().endsWith("DealProposal.PieceCID"), e.getMessage());
        assertTrue(e.problem().contains("is not a piece CID"), e.getMessage());
    }

    @Test
    void publishStorageDealsVectorIsRefusedForItsInvalidUtf8LabelOnceThePieceCidIsReal() {
        CborDecodeException e = assertThrows(CborDecodeException.class,
                () -> Cbor.decode(MarketVectors.PUBLISH_STORAGE_DEALS, withRealPieceCid(false)));
        assertTrue(e.path().endsWith("DealProposal.Label"), e.getMessage());
        assertTrue(e.problem().contains("not valid UTF-8"), e.getMessage());
    }

    /** With a real piece CID and the label as a byte string, the rest of (c) reads: zero amounts, BLS framing. */
    @Test
    void publishStorageDealsVectorReadsOnceLabelAndPieceCidAreRepaired() {
        JsonNode v = PROPOSALS.get("publishStorageDeals");
        byte[] bytes = withRealPieceCid(true);
        List<ClientDealProposal> deals = Cbor.decode(MarketVectors.PUBLISH_STORAGE_DEALS, bytes);
        assertEquals(1, deals.size());
        DealProposal p = deals.getFirst().proposal();
        Address client = Address.fromBytes(hex(v, "client"));
        assertEquals(client, p.client());
        assertEquals(client, p.provider());
        assertEquals(DealLabel.bytes(HEX.parseHex("deadbeef")), p.label());
        assertEquals(0, p.pieceSize());
        assertEquals(0, p.startEpoch());
        assertEquals(0, p.endEpoch());
        assertEquals(TokenAmount.ZERO, p.storagePricePerEpoch());
        assertEquals(TokenAmount.ZERO, p.providerCollateral());
        assertEquals(TokenAmount.ZERO, p.clientCollateral());
        Signature signature = deals.getFirst().clientSignature();
        assertEquals(SignatureType.BLS, signature.type());
        assertEquals(v.get("signatureDataBytes").asInt(), signature.data().length);
        assertArrayEquals(bytes, Cbor.encode(MarketVectors.PUBLISH_STORAGE_DEALS, deals));
        assertThrows(InvalidSignatureException.class, () -> deals.getFirst().verify(), "the label changed under the signature");
    }

    /** Lotus signed the proposal bytes as they were, invalid label included: the vector's own signature checks out. */
    @Test
    void publishStorageDealsSignatureVerifiesOverTheOriginalProposalBytes() throws Exception {
        assumeTrue(Bls.available(), "BLS unavailable");
        JsonNode v = PROPOSALS.get("publishStorageDeals");
        String all = v.get("hex").asText();
        String signatureItem = "5861" + all.substring(all.length() - 2 * 97);
        String proposalHex = all.substring("818182".length(), all.length() - signatureItem.length());
        Signature signature = Signature.fromBytes(HEX.parseHex(signatureItem.substring(4)));
        SignatureVerifier.verify(signature, HEX.parseHex(proposalHex), Address.fromBytes(hex(v, "client")));
    }

    @Test
    void dealParamsVectorReadsAsDocumented() {
        JsonNode v = MESSAGES.get("dealParams");
        byte[] bytes = hex(v, "hex");
        assertEquals(v.get("bytes").asInt(), bytes.length);
        DealParams params = Cbor.decode(DealParams.CODEC, bytes);
        assertEquals(DEAL_UUID, params.dealUuid());
        assertFalse(params.isOffline());
        assertFalse(params.removeUnsealedCopy());
        assertFalse(params.skipIpniAnnounce());
        assertEquals(Cid.v1(Multicodec.RAW, Multihash.sha256(v.get("dealDataRootOf").asText().getBytes(StandardCharsets.UTF_8))),
                params.dealDataRoot());
        DealProposal minimal = Cbor.decode(DealProposal.CODEC, hex(PROPOSALS.get("proposals").get(0), "hex"));
        assertEquals(minimal, params.clientDealProposal().proposal());
        assertEquals(Signature.fromBytes(hex(MESSAGES, "dummySecpSignature")), params.clientDealProposal().clientSignature());
        Transfer transfer = params.transfer();
        assertEquals(v.get("transferSize").asLong(), transfer.size());
        assertEquals(v.get("transferType").asText(), transfer.type());
        assertEquals("", transfer.clientId());
        assertEquals(v.get("transferParams").asText(), new String(transfer.params(), StandardCharsets.UTF_8));
        assertEquals(HttpTransferParams.of(v.get("url").asText()), transfer.httpParams());
        assertArrayEquals(transfer.params(), transfer.httpParams().toJson(), "Go writes the params JSON this way");

        DealParams built = new DealParams(DEAL_UUID, false, params.clientDealProposal(), params.dealDataRoot(),
                Transfer.of(Transfer.HTTP, HttpTransferParams.of(v.get("url").asText()), 1101), false, false);
        assertArrayEquals(bytes, Cbor.encode(DealParams.CODEC, built));
    }

    @Test
    void dealResponseVector() {
        byte[] bytes = hex(MESSAGES, "dealResponseAccepted");
        assertEquals(DealResponse.ACCEPTED, Cbor.decode(DealResponse.CODEC, bytes));
        assertArrayEquals(bytes, Cbor.encode(DealResponse.CODEC, DealResponse.ACCEPTED));
    }

    @Test
    void dealStatusRequestVector() {
        byte[] bytes = hex(MESSAGES, "dealStatusRequest");
        DealStatusRequest expected = new DealStatusRequest(DEAL_UUID, Signature.fromBytes(hex(MESSAGES, "dummySecpSignature")));
        assertEquals(expected, Cbor.decode(DealStatusRequest.CODEC, bytes));
        assertArrayEquals(bytes, Cbor.encode(DealStatusRequest.CODEC, expected));
        assertEquals("00112233445566778899aabbccddeeff", hex(DealStatusRequest.signingBytes(DEAL_UUID)));
    }

    @Test
    void dealStatusResponseErrorVector() {
        JsonNode v = MESSAGES.get("dealStatusResponseError");
        byte[] bytes = hex(v, "hex");
        DealStatusResponse response = Cbor.decode(DealStatusResponse.CODEC, bytes);
        assertEquals(DealStatusResponse.failed(DEAL_UUID, v.get("error").asText()), response);
        assertNull(response.dealStatus());
        assertArrayEquals(bytes, Cbor.encode(DealStatusResponse.CODEC, response));
    }

    @Test
    void labelVectors() {
        for (JsonNode v : MarketVectors.load("labels.json").get("labels")) {
            String name = v.get("name").asText();
            byte[] bytes = hex(v, "hex");
            if (v.has("rejectedBecause")) {
                CborDecodeException e = assertThrows(CborDecodeException.class, () -> Cbor.decode(DealLabel.CODEC, bytes), name);
                assertTrue(e.getMessage().contains(v.get("rejectedBecause").asText()), name + ": " + e.getMessage());
                continue;
            }
            DealLabel expected = v.has("text") ? DealLabel.text(v.get("text").asText()) : DealLabel.bytes(hex(v, "bytes"));
            assertEquals(expected, Cbor.decode(DealLabel.CODEC, bytes), name);
            assertArrayEquals(bytes, Cbor.encode(DealLabel.CODEC, expected), name);
        }
    }

    private static TokenAmount attoFil(JsonNode v, String field) {
        return TokenAmount.ofAttoFil(new BigInteger(v.get(field).asText()));
    }

    /** Vector (c) with vector (a)'s piece CID in place of its dummy one, and optionally its label made a byte string. */
    private static byte[] withRealPieceCid(boolean bytesLabel) {
        JsonNode v = PROPOSALS.get("publishStorageDeals");
        String realPieceCid = PROPOSALS.get("proposals").get(0).get("hex").asText().substring(2, 2 + 2 * 44);
        String hex = v.get("hex").asText().replace(v.get("pieceCidItem").asText(), realPieceCid);
        if (bytesLabel) {
            hex = hex.replace(v.get("labelItem").asText(), "44" + v.get("labelItem").asText().substring(2));
        }
        return HEX.parseHex(hex);
    }
}
