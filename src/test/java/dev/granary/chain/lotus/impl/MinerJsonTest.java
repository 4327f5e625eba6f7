package dev.granary.chain.lotus.impl;

import dev.granary.chain.ChainException;
import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.Test;

import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** go-bitfield's run-length JSON, as StateMinerFaults writes it. */
class MinerJsonTest {
    @Test
    void runsAlternateStartingWithUnsetBits() {
        JsonValue runs = bitfield("[0, 3, 5, 2]");
        long[] set = LongStream.range(0, 20).filter(n -> MinerJson.bitfieldContains(runs, n)).toArray();
        assertEquals(5, set.length);
        assertEquals("[0, 1, 2, 8, 9]", java.util.Arrays.toString(set), "go-bitfield's own example");
    }

    @Test
    void anEmptyBitfieldHasNoSectors() {
        assertFalse(MinerJson.bitfieldContains(bitfield("[0]"), 0));
        assertFalse(MinerJson.bitfieldContains(bitfield("[]"), 0));
        assertFalse(MinerJson.bitfieldContains(bitfield("null"), 5));
    }

    @Test
    void sectorsFarOutAreFoundWithoutOverflow() {
        assertTrue(MinerJson.bitfieldContains(bitfield("[9223372036854775806, 1]"), Long.MAX_VALUE - 1));
        assertFalse(MinerJson.bitfieldContains(bitfield("[9223372036854775806, 1]"), Long.MAX_VALUE));
    }

    @Test
    void aZeroRunAfterTheFirstIsRefused() {
        ChainException error = assertThrows(ChainException.class, () -> MinerJson.bitfieldContains(bitfield("[1, 0, 4]"), 3));
        assertEquals(ChainException.Kind.PROTOCOL, error.kind());
        assertTrue(error.getMessage().contains("result[1]"), error.getMessage());
    }

    private static JsonValue bitfield(String json) {
        return JsonValue.result("Filecoin.StateMinerFaults", json.equals("null") ? null : new JsonArray(json));
    }
}
