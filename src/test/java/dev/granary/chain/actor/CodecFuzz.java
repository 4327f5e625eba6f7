package dev.granary.chain.actor;

import dev.granary.ipld.cbor.Cbor;
import dev.granary.ipld.cbor.CborCodec;
import dev.granary.ipld.cbor.CborDecodeException;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.statistics.Statistics;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs hostile cases against one codec: every decoder gets {@value #CASES} of them, {@value #CASES_PER_TRY}
 * per jqwik try (one hand-off to the timeout thread costs more than a decode). The only exception allowed is
 * CborDecodeException, and whatever is accepted must write back to the very same bytes (every actor type is a
 * tuple or a scalar, and its decoder takes canonical bytes only) and decode to an equal value again.
 */
final class CodecFuzz {
    static final int CASES = 100_000;
    static final int CASES_PER_TRY = 40;
    static final int TRIES = CASES / CASES_PER_TRY;
    /** Valid encodings to damage, made once: generating values costs more than the decoding they feed. */
    private static final int POOL_SIZE = 200;
    private static final int MAX_NOISE = 120;
    /** Below this share of tries with an accepted damaged input, the second-round checks would hardly run. */
    private static final double MIN_TRIES_WITH_ACCEPTED_PERCENT = 5;

    private CodecFuzz() {
    }

    static <T> List<byte[]> pool(Arbitrary<T> values, CborCodec<T> codec) {
        return values.sampleStream().limit(POOL_SIZE).map(value -> Cbor.encode(codec, value)).toList();
    }

    static <T> void run(CborCodec<T> codec, List<byte[]> pool, long seed) throws Throwable {
        Random random = new Random(seed);
        byte[][] inputs = new byte[CASES_PER_TRY][];
        for (int i = 0; i < CASES_PER_TRY; i++) {
            byte[] valid = pool.get(random.nextInt(pool.size()));
            inputs[i] = i % 4 == 0 ? Hostile.noise(valid, random, MAX_NOISE) : Hostile.damage(valid, random);
        }
        int accepted = Hostile.withinTimeout(() -> {
            int count = 0;
            for (byte[] input : inputs) {
                count += survives(codec, input) ? 1 : 0;
            }
            return count;
        });
        Statistics.label("try with an accepted input").collect(accepted > 0);
        Statistics.label("try with an accepted input").coverage(
                check -> check.check(true).percentage(p -> p >= MIN_TRIES_WITH_ACCEPTED_PERCENT));
    }

    private static <T> boolean survives(CborCodec<T> codec, byte[] input) {
        T value;
        try {
            value = Cbor.decode(codec, input);
        } catch (CborDecodeException expected) {
            return false;
        }
        byte[] written = Cbor.encode(codec, value);
        assertArrayEquals(input, written, () -> "accepted but written differently: " + Hostile.hex(input));
        assertEquals(value, Cbor.decode(codec, written), () -> "changed on a second round: " + Hostile.hex(input));
        return true;
    }
}
