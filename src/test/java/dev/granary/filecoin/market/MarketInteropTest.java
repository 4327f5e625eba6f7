package dev.granary.filecoin.market;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.DelegatedSignatures;
import dev.granary.filecoin.KeyType;
import dev.granary.filecoin.Secp256k1;
import dev.granary.filecoin.Wallet;
import dev.granary.interop.NodeScript;
import dev.granary.ipld.cbor.Cbor;
import dev.granary.ipld.cbor.CborCodec;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

import static dev.granary.filecoin.market.MarketVectors.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our market bytes against independent JavaScript (interop/): @ipld/dag-cbor must read every type and write it
 * back byte for byte, and noble must accept proposals our wallet signed, reading them with dag-cbor rather
 * than trusting our framing. Values are drawn afresh on each run; a disagreement names the bytes.
 */
class MarketInteropTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PER_TYPE = 40;
    private static final int SIGNED_PROPOSALS = 30;

    @TempDir
    Path repo;

    private record Case(String what, byte[] bytes, int cids) {
    }

    private static int statusCids(DealStatus status) {
        return status == null ? 0 : 2 + (status.publishCid() == null ? 0 : 1);
    }

    @Test
    void dagCborRewritesEveryTypeByteForByte() throws Exception {
        NodeScript.assumeAvailable();
        List<Case> cases = new ArrayList<>();
        add(cases, "DealLabel", DealLabel.CODEC, MarketArbitraries.labels(), v -> 0);
        add(cases, "DealProposal", DealProposal.CODEC, MarketArbitraries.proposals(), v -> 1);
        add(cases, "ClientDealProposal", ClientDealProposal.CODEC, MarketArbitraries.clientProposals(), v -> 1);
        add(cases, "Transfer", Transfer.CODEC, MarketArbitraries.transfers(), v -> 0);
        add(cases, "DealParams", DealParams.CODEC, MarketArbitraries.dealParams(), v -> 2);
        add(cases, "DealParamsV120", DealParamsV120.CODEC, MarketArbitraries.dealParamsV120(), v -> 2);
        add(cases, "DealResponse", DealResponse.CODEC, MarketArbitraries.dealResponses(), v -> 0);
        add(cases, "DealStatusRequest", DealStatusRequest.CODEC, MarketArbitraries.statusRequests(), v -> 0);
        add(cases, "DealStatus", DealStatus.CODEC, MarketArbitraries.dealStatuses(), MarketInteropTest::statusCids);
        add(cases, "DealStatusResponse", DealStatusResponse.CODEC, MarketArbitraries.statusResponses(),
                v -> statusCids(v.dealStatus()));
        add(cases, "StorageAsk", StorageAsk.CODEC, MarketArbitraries.storageAsks(), v -> 0);
        add(cases, "SignedStorageAsk", SignedStorageAsk.CODEC, MarketArbitraries.signedAsks(), v -> 0);
        add(cases, "AskRequest", AskRequest.CODEC, MarketArbitraries.askRequests(), v -> 0);
        add(cases, "AskResponse", AskResponse.CODEC, MarketArbitraries.askResponses(), v -> 0);
        JsonNode messages = MarketVectors.load("boost-messages.json");
        cases.add(new Case("boost.md DealParams", MarketVectors.hex(messages.get("dealParams"), "hex"), 2));
        cases.add(new Case("boost.md DealResponse", MarketVectors.hex(messages, "dealResponseAccepted"), 0));
        cases.add(new Case("boost.md DealStatusRequest", MarketVectors.hex(messages, "dealStatusRequest"), 0));
        cases.add(new Case("boost.md DealStatusResponse", MarketVectors.hex(messages.get("dealStatusResponseError"), "hex"), 0));

        StringBuilder input = new StringBuilder();
        cases.forEach(c -> input.append(hex(c.bytes())).append('\n'));
        String[] answers = NodeScript.run("cbor-roundtrip.mjs", input.toString()).split("\n");
        assertEquals(cases.size(), answers.length, "one answer per input line");
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            String expected = "ok " + hex(c.bytes()) + " " + c.cids();
            if (!answers[i].equals(expected)) {
                disagreements.add(c.what() + ": sent " + hex(c.bytes()) + ", dag-cbor answered " + answers[i]);
            }
        }
        assertEquals(List.of(), disagreements);
    }

    private static <T> void add(List<Case> cases, String type, CborCodec<T> codec, Arbitrary<T> values, ToIntFunction<T> cids) {
        values.sampleStream().limit(PER_TYPE).forEach(
                value -> cases.add(new Case(type + " " + value, Cbor.encode(codec, value), cids.applyAsInt(value))));
    }

    @Test
    void nobleVerifiesProposalsOurWalletSigned() throws Exception {
        NodeScript.assumeAvailable();
        Wallet wallet = Wallet.inRepo(repo);
        List<DealProposal> proposals = MarketArbitraries.proposals().sampleStream().limit(SIGNED_PROPOSALS).toList();
        List<ClientDealProposal> signed = new ArrayList<>();
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < SIGNED_PROPOSALS; i++) {
            byte[] key = Secp256k1.generatePrivateKey(new SecureRandom());
            Address client = wallet.importKey(KeyType.SECP256K1, key);
            DealProposal p = proposals.get(i);
            DealProposal ours = new DealProposal(p.pieceCid(), p.pieceSize(), p.verifiedDeal(), client, p.provider(),
                    p.label(), p.startEpoch(), p.endEpoch(), p.storagePricePerEpoch(), p.providerCollateral(), p.clientCollateral());
            signed.add(new ClientDealProposal(ours, wallet.sign(client, ours.signingBytes())));
            keys.add(key);
        }
        // a signature moved to another client's proposal must not verify
        signed.add(new ClientDealProposal(signed.get(0).proposal(), signed.get(1).clientSignature()));

        ArrayNode cases = JSON.createArrayNode();
        signed.forEach(s -> cases.addObject().put("clientDealProposal", hex(Cbor.encode(ClientDealProposal.CODEC, s))));
        JsonNode results = run("market-proposal.mjs", cases);

        for (int i = 0; i < signed.size(); i++) {
            ClientDealProposal s = signed.get(i);
            JsonNode r = results.get(i);
            String where = "proposal " + i + ": " + r;
            assertEquals(hex(s.proposal().signingBytes()), r.get("proposalHex").asText(), where);
            assertEquals(s.proposal().cid().toString(), r.get("proposalCid").asText(), where);
            assertEquals(s.signedProposalCid().toString(), r.get("signedProposalCid").asText(), where);
            assertEquals(hex(s.proposal().client().bytes()), r.get("clientAddress").asText(), where);
            assertEquals(i < SIGNED_PROPOSALS, r.get("signatureVerifies").asBoolean(), where);
        }
        sameSignatureBytesAsNoble(signed.subList(0, SIGNED_PROPOSALS), keys);
    }

    /** Both sides sign deterministically (RFC 6979, low-S), so noble must produce our wallet's exact signatures. */
    private static void sameSignatureBytesAsNoble(List<ClientDealProposal> signed, List<byte[]> keys) throws Exception {
        ArrayNode cases = JSON.createArrayNode();
        for (int i = 0; i < signed.size(); i++) {
            byte[] message = signed.get(i).proposal().signingBytes();
            byte[] key = keys.get(i);
            cases.addObject()
                    .put("privateKey", hex(key))
                    .put("message", hex(message))
                    .put("javaSignature", hex(signed.get(i).clientSignature().data()))
                    .put("javaAddress", signed.get(i).proposal().client().toString())
                    .put("javaDelegatedSignature", hex(DelegatedSignatures.sign(key, message)))
                    .put("javaF410", DelegatedSignatures.address(Secp256k1.publicKey(key)).toString());
        }
        JsonNode results = run("filecoin-secp.mjs", cases);
        for (int i = 0; i < signed.size(); i++) {
            JsonNode r = results.get(i);
            assertTrue(r.get("javaSignatureVerifies").asBoolean() && r.get("addressMatches").asBoolean(), r.toString());
            assertEquals(cases.get(i).get("javaSignature").asText(), r.get("nobleSignature").asText());
        }
    }

    @Test
    void specProposalCidsAgreeWithJavaScript() throws Exception {
        NodeScript.assumeAvailable();
        JsonNode vectors = MarketVectors.load("deal-proposals.json").get("proposals");
        ArrayNode cases = JSON.createArrayNode();
        vectors.forEach(v -> cases.addObject().put("proposal", v.get("hex").asText()));
        JsonNode results = run("market-proposal.mjs", cases);
        for (int i = 0; i < vectors.size(); i++) {
            JsonNode v = vectors.get(i);
            assertEquals(v.get("hex").asText(), results.get(i).get("proposalHex").asText());
            assertEquals(v.get("proposalCid").asText(), results.get(i).get("proposalCid").asText(), "commp.md's [DERIVED] CID");
            assertFalse(results.get(i).has("error"));
        }
    }

    private static JsonNode run(String script, ArrayNode cases) throws Exception {
        JsonNode results = JSON.readTree(NodeScript.run(script, JSON.writeValueAsString(JSON.createObjectNode().set("cases", cases))))
                .get("results");
        assertEquals(cases.size(), results.size());
        return results;
    }
}
