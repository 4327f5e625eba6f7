package dev.granary.chain.actor;

import dev.granary.interop.NodeScript;
import dev.granary.ipld.cbor.Cbor;
import dev.granary.ipld.cbor.CborCodec;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.granary.chain.actor.ActorVectors.HEX;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Our actor params and returns against @ipld/dag-cbor, an independent CBOR implementation
 * (interop/cbor-roundtrip.mjs): for samples of every type it decodes our bytes and writes them back
 * identically, so our encodings are canonical: minimal headers, definite lengths, CIDs as tag 42.
 */
class ActorInteropTest {
    private static final int SAMPLES = 40;

    private record Case(String what, byte[] bytes) {
    }

    @Test
    void dagCborRewritesEveryActorTypeByteForByte() throws Exception {
        NodeScript.assumeAvailable();
        List<Case> cases = new ArrayList<>();
        add(cases, "AddBalanceParams", MarketArbitraries.addBalance(), AddBalanceParams.CODEC);
        add(cases, "WithdrawBalanceParams", MarketArbitraries.withdrawBalance(), WithdrawBalanceParams.CODEC);
        add(cases, "WithdrawBalanceReturn", MarketArbitraries.withdrawBalanceReturn(), WithdrawBalanceReturn.CODEC);
        add(cases, "PublishStorageDealsParams", MarketArbitraries.publishStorageDeals(), PublishStorageDealsParams.CODEC);
        add(cases, "PublishStorageDealsReturn", MarketArbitraries.publishStorageDealsReturn(), PublishStorageDealsReturn.CODEC);
        add(cases, "PreCommitSectorBatch2Params", MinerArbitraries.preCommitBatches(), PreCommitSectorBatch2Params.CODEC);
        add(cases, "ProveCommitSectors3Params", MinerArbitraries.proveCommitSectors3(), ProveCommitSectors3Params.CODEC);
        add(cases, "BatchReturn", MinerArbitraries.batchReturns(), BatchReturn.CODEC);
        add(cases, "ProveCommitAggregateParams", MinerArbitraries.proveCommitAggregates(), ProveCommitAggregateParams.CODEC);
        add(cases, "TerminateSectorsParams", MinerArbitraries.terminateSectors(), TerminateSectorsParams.CODEC);
        add(cases, "TerminateSectorsReturn", MinerArbitraries.terminateReturns(), TerminateSectorsReturn.CODEC);
        add(cases, "DeclareFaultsParams", MinerArbitraries.declareFaults(), DeclareFaultsParams.CODEC);
        add(cases, "DeclareFaultsRecoveredParams", MinerArbitraries.declareRecoveries(), DeclareFaultsRecoveredParams.CODEC);

        StringBuilder input = new StringBuilder();
        cases.forEach(c -> input.append(HEX.formatHex(c.bytes())).append('\n'));
        String[] answers = NodeScript.run("cbor-roundtrip.mjs", input.toString()).split("\n");
        assertEquals(cases.size(), answers.length, "one answer per input line");
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            String ours = HEX.formatHex(cases.get(i).bytes());
            String[] answer = answers[i].split(" ");
            if (!answer[0].equals("ok") || !answer[1].equals(ours)) {
                disagreements.add(cases.get(i).what() + " " + ours + ": " + answers[i]);
            }
        }
        assertEquals(List.of(), disagreements);
    }

    private static <T> void add(List<Case> cases, String type, Arbitrary<T> values, CborCodec<T> codec) {
        values.sampleStream().limit(SAMPLES).forEach(value -> cases.add(new Case(type, Cbor.encode(codec, value))));
    }
}
