package dev.granary.ipld.cbor;

import dev.granary.interop.NodeScript;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Our bytes against @ipld/dag-cbor (interop/cbor-roundtrip.mjs): for random values and real Filecoin messages
 * its decode-and-re-encode gives back exactly our bytes, it sees our CIDs as CIDs, and it refuses the
 * rejection vectors that break dag-cbor's own rules. Set -Dcbor.interop.seed to try other values.
 */
class CborInteropTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final int RANDOM_VALUES = 400;
    private static final int SAMPLE_STRUCTS = 50;

    private record Case(String what, byte[] bytes, int cids, boolean mustReject) {
    }

    @Test
    void dagCborReadsAndRewritesOurBytesIdenticallyAndRefusesTheSameInputs() throws Exception {
        NodeScript.assumeAvailable();
        long seed = Long.getLong("cbor.interop.seed", 20_261_121L);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < RANDOM_VALUES; i++) {
            CborValue value = new RandomCbor(seed + i).value(4);
            cases.add(new Case("random value, seed " + (seed + i), Cbor.encode(CborValueCodec.INSTANCE, value),
                    CborValue.countLinks(value), false));
        }
        for (int i = 0; i < SAMPLE_STRUCTS; i++) {
            cases.add(new Case("DealProposal, seed " + (seed + i),
                    Cbor.encode(SampleDealProposal.CODEC, SampleValues.proposal(seed + i)), 1, false));
            cases.add(new Case("DealParams, seed " + (seed + i),
                    Cbor.encode(SampleDealParams.CODEC, SampleValues.params(seed + i)), 2, false));
        }
        for (VectorFile.Line line : VectorFile.read("filecoin-messages.txt", 2)) {
            if (!line.column(0).contains("invalid")) {
                cases.add(new Case(line.column(0), line.hex(1), line.column(0).startsWith("proposal") ? 1 : 0, false));
            }
        }
        for (VectorFile.Line line : VectorFile.read("rejections.txt", 4)) {
            if (line.column(3).equals("reject")) {
                cases.add(new Case("rejections.txt:" + line.number(), line.hex(1), 0, true));
            }
        }

        StringBuilder input = new StringBuilder();
        cases.forEach(c -> input.append(HEX.formatHex(c.bytes())).append('\n'));
        String[] answers = NodeScript.run("cbor-roundtrip.mjs", input.toString()).split("\n");
        assertEquals(cases.size(), answers.length, "one answer per input line");

        int cidsSeen = 0;
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            String answer = answers[i];
            String[] parts = answer.split(" ");
            if (c.mustReject()) {
                if (!answer.startsWith("error ")) {
                    disagreements.add(c.what() + ": dag-cbor accepted what we refuse: " + answer);
                }
            } else if (!parts[0].equals("ok")) {
                disagreements.add(c.what() + ": dag-cbor refused our " + HEX.formatHex(c.bytes()) + ": " + answer);
            } else if (!parts[1].equals(HEX.formatHex(c.bytes()))) {
                disagreements.add(c.what() + ": dag-cbor wrote " + HEX.formatHex(c.bytes()) + " back as " + parts[1]);
            } else if (Integer.parseInt(parts[2]) != c.cids()) {
                disagreements.add(c.what() + ": dag-cbor decoded " + parts[2] + " CIDs, we wrote " + c.cids());
            } else {
                cidsSeen += c.cids();
            }
        }
        assertEquals(List.of(), disagreements);
        assertTrue(cidsSeen > RANDOM_VALUES / 4, "the random values carried too few CIDs to test: " + cidsSeen);
    }
}
