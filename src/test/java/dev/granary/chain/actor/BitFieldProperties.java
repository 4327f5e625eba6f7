package dev.granary.chain.actor;

import dev.granary.ipld.cbor.Cbor;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * BitField against a TreeSet model and against {@link ReferenceRle}; decode(encode(x)) == x; and 120,000
 * hostile RLE+ inputs (damaged valid encodings and noise) on which the decoder may only throw
 * BitFieldFormatException, must agree with the reference decoder on what it accepts, and must write back
 * exactly the bytes it accepted.
 */
class BitFieldProperties {
    private static final int HOSTILE_PER_TRY = 40;
    private static final List<byte[]> POOL = ActorArbitraries.bitFields().sampleStream().limit(300)
            .map(BitField::encode).toList();

    @Provide
    Arbitrary<BitField> bitFields() {
        return ActorArbitraries.bitFields();
    }

    @Provide
    Arbitrary<List<Long>> smallSets() {
        return Arbitraries.longs().between(0, 200).list().ofMaxSize(50);
    }

    @Property(tries = 2000)
    void encodingRoundTripsAndMatchesTheReference(@ForAll("bitFields") BitField field) {
        byte[] bytes = field.encode();
        assertEquals(field, BitField.decode(bytes));
        assertArrayEquals(bytes, BitField.decode(bytes).encode());
        assertEquals(field, ReferenceRle.toBitField(ReferenceRle.decode(bytes)));
        assertEquals(field, Cbor.decode(BitField.CODEC, Cbor.encode(BitField.CODEC, field)));
        assertEquals(field, BitField.fromRuns(field.runs()));
    }

    @Property(tries = 2000)
    void behavesLikeASortedSet(@ForAll("smallSets") List<Long> a, @ForAll("smallSets") List<Long> b) {
        TreeSet<Long> modelA = new TreeSet<>(a);
        TreeSet<Long> modelB = new TreeSet<>(b);
        BitField fieldA = BitField.of(a);
        BitField fieldB = BitField.of(b);
        assertEquals(List.copyOf(modelA), fieldA.stream().boxed().toList());
        assertEquals(modelA.size(), fieldA.count());
        for (long value = -1; value <= 201; value++) {
            assertEquals(modelA.contains(value), fieldA.contains(value), "contains " + value);
        }
        TreeSet<Long> union = new TreeSet<>(modelA);
        union.addAll(modelB);
        TreeSet<Long> intersection = modelA.stream().filter(modelB::contains).collect(Collectors.toCollection(TreeSet::new));
        TreeSet<Long> difference = modelA.stream().filter(v -> !modelB.contains(v)).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(BitField.of(union), fieldA.union(fieldB));
        assertEquals(BitField.of(intersection), fieldA.intersect(fieldB));
        assertEquals(BitField.of(difference), fieldA.subtract(fieldB));
    }

    @Property(tries = 3000)
    void hostileBytes(@ForAll long seed) throws Throwable {
        Random random = new Random(seed);
        byte[][] inputs = new byte[HOSTILE_PER_TRY][];
        for (int i = 0; i < HOSTILE_PER_TRY; i++) {
            byte[] valid = POOL.get(random.nextInt(POOL.size()));
            inputs[i] = i % 4 == 0 ? Hostile.noise(valid, random, 40) : Hostile.damage(valid, random);
        }
        int accepted = Hostile.withinTimeout(() -> {
            int count = 0;
            for (byte[] input : inputs) {
                count += decodesLikeTheReference(input) ? 1 : 0;
            }
            return count;
        });
        Statistics.label("try with an accepted input").collect(accepted > 0);
        Statistics.label("try with an accepted input").coverage(check -> check.check(true).percentage(p -> p >= 5));
    }

    private static boolean decodesLikeTheReference(byte[] input) {
        var reference = ReferenceRle.decode(input);
        BitField decoded;
        try {
            decoded = BitField.decode(input);
        } catch (BitFieldFormatException refused) {
            assertNull(reference, () -> "refused what the reference accepts: " + Hostile.hex(input) + " (" + refused.getMessage() + ")");
            return false;
        }
        assertNotNull(reference, () -> "accepted what the reference refuses: " + Hostile.hex(input));
        assertEquals(ReferenceRle.toBitField(reference), decoded, () -> Hostile.hex(input));
        assertArrayEquals(input, decoded.encode(), () -> "accepted but written differently: " + Hostile.hex(input));
        return true;
    }
}
