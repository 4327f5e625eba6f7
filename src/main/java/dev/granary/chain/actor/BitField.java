package dev.granary.chain.actor;

import dev.granary.ipld.cbor.CborCodec;
import dev.granary.ipld.cbor.CborReader;
import dev.granary.ipld.cbor.CborWriter;

import java.util.Arrays;
import java.util.Collection;
import java.util.OptionalLong;
import java.util.stream.LongStream;

/**
 * An immutable set of non-negative longs (sector numbers, deal positions), as the actors carry it: an RLE+
 * bit vector (go-bitfield, ref-fvm ipld/bitfield) inside a CBOR byte string. {@link #encode()} writes the
 * one minimal encoding; {@link #decode} accepts exactly the encodings the built-in actors accept (see
 * {@link RlePlus}) within go-bitfield's size limit ({@code MaxEncodedSize}, 32 KiB), so a decoded bitfield
 * writes back to its input bytes.
 *
 * <p>Values run from 0 to {@link #MAX_VALUE}. Held as sorted ranges, so a range of a billion sectors costs
 * two longs.
 */
public final class BitField {
    /** The largest value: the vector's length, one more, must itself fit in a long. */
    public static final long MAX_VALUE = Long.MAX_VALUE - 1;
    /** go-bitfield's {@code MaxEncodedSize} and ref-fvm's {@code MAX_ENCODED_SIZE}, enforced on both sides. */
    public static final int MAX_ENCODED_BYTES = 32 << 10;
    /** Every run takes at least one bit, so this follows from {@link #MAX_ENCODED_BYTES}. */
    public static final int MAX_RUNS = 8 * MAX_ENCODED_BYTES;
    public static final BitField EMPTY = new BitField(new long[0]);

    /** A CBOR byte string holding the RLE+ bytes. */
    public static final CborCodec<BitField> CODEC = CborCodec.of(
            (w, field) -> w.writeBytes(field.encode()), BitField::read);

    /** Sorted, non-empty, non-touching ranges as start, end (exclusive), start, end, ... */
    private final long[] bounds;

    private BitField(long[] bounds) {
        this.bounds = bounds;
    }

    public static BitField of(long... values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        RlePlus.LongArray bounds = new RlePlus.LongArray();
        for (long value : sorted) {
            requireValue(value);
            if (bounds.size() > 0 && value < bounds.last()) {
                continue; // a duplicate
            }
            if (bounds.size() > 0 && value == bounds.last()) {
                bounds.setLast(value + 1);
            } else {
                bounds.add(value);
                bounds.add(value + 1);
            }
        }
        return new BitField(bounds.toArray());
    }

    public static BitField of(Collection<Long> values) {
        return of(values.stream().mapToLong(Long::longValue).toArray());
    }

    /** Every value from {@code start} up to {@code endExclusive}. */
    public static BitField range(long start, long endExclusive) {
        requireValue(start);
        if (endExclusive < start || endExclusive > MAX_VALUE + 1) {
            throw new IllegalArgumentException("range end " + endExclusive + " outside " + start + ".." + (MAX_VALUE + 1));
        }
        return endExclusive == start ? EMPTY : new BitField(new long[] {start, endExclusive});
    }

    /**
     * From run lengths alternating unset, set, unset, ... starting with an unset run, which may be 0 (lotus'
     * JSON form of a bitfield: {0, 1, 2, 8, 9} is {@code [0, 3, 5, 2]}). A trailing unset run is dropped.
     */
    public static BitField fromRuns(long... runLengths) {
        RlePlus.LongArray bounds = new RlePlus.LongArray();
        long position = 0;
        for (int i = 0; i < runLengths.length; i++) {
            long length = runLengths[i];
            if (length < 0 || (length == 0 && i != 0)) {
                throw new IllegalArgumentException("run " + i + " has length " + length
                        + "; only the first run may be empty, none negative");
            }
            if (length > MAX_VALUE + 1 - position) {
                throw new IllegalArgumentException("runs reach past " + MAX_VALUE);
            }
            if (i % 2 == 1) {
                bounds.add(position);
                bounds.add(position + length);
            }
            position += length;
        }
        return new BitField(bounds.toArray());
    }

    /** The lotus JSON form: run lengths starting with the (possibly empty) unset run; {@code [0]} when empty. */
    public long[] runs() {
        if (bounds.length == 0) {
            return new long[] {0};
        }
        long[] runs = new long[bounds.length];
        long position = 0;
        for (int i = 0; i < bounds.length; i++) {
            runs[i] = bounds[i] - position;
            position = bounds[i];
        }
        return runs;
    }

    public boolean contains(long value) {
        int at = Arrays.binarySearch(bounds, value);
        // found: a start (even index) is in, an end is out; not found: in when it falls after a start
        return at >= 0 ? at % 2 == 0 : (-at - 1) % 2 == 1;
    }

    public long count() {
        long count = 0;
        for (int i = 0; i < bounds.length; i += 2) {
            count += bounds[i + 1] - bounds[i];
        }
        return count;
    }

    public boolean isEmpty() {
        return bounds.length == 0;
    }

    /** How many maximal runs of consecutive values the set has. */
    public int rangeCount() {
        return bounds.length / 2;
    }

    public OptionalLong first() {
        return bounds.length == 0 ? OptionalLong.empty() : OptionalLong.of(bounds[0]);
    }

    public OptionalLong last() {
        return bounds.length == 0 ? OptionalLong.empty() : OptionalLong.of(bounds[bounds.length - 1] - 1);
    }

    /** The values in ascending order, lazily (a decoded bitfield may hold far more than fit in memory). */
    public LongStream stream() {
        return LongStream.range(0, bounds.length / 2).flatMap(i -> LongStream.range(bounds[(int) (2 * i)], bounds[(int) (2 * i + 1)]));
    }

    /** The values in ascending order; refused for sets too large for an array. */
    public long[] values() {
        long count = count();
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("bitfield of " + count + " values does not fit in an array; use stream()");
        }
        return stream().toArray();
    }

    public BitField union(BitField other) {
        return combine(other, Operation.UNION);
    }

    public BitField intersect(BitField other) {
        return combine(other, Operation.INTERSECT);
    }

    /** The values of this set that {@code other} does not hold. */
    public BitField subtract(BitField other) {
        return combine(other, Operation.SUBTRACT);
    }

    public byte[] encode() {
        return RlePlus.encode(bounds);
    }

    /** Decodes RLE+ bytes within the default limits ({@link #MAX_ENCODED_BYTES}, {@link #MAX_RUNS}). */
    public static BitField decode(byte[] bytes) {
        return decode(bytes, MAX_ENCODED_BYTES, MAX_RUNS);
    }

    public static BitField decode(byte[] bytes, int maxEncodedBytes, int maxRuns) {
        return new BitField(RlePlus.decode(bytes, maxEncodedBytes, maxRuns));
    }

    private static BitField read(CborReader reader) {
        byte[] bytes = reader.readBytes(MAX_ENCODED_BYTES);
        try {
            return decode(bytes);
        } catch (BitFieldFormatException e) {
            throw reader.fail("invalid bitfield: " + e.getMessage());
        }
    }

    private enum Operation {
        UNION, INTERSECT, SUBTRACT;

        boolean holds(boolean inThis, boolean inOther) {
            return switch (this) {
                case UNION -> inThis || inOther;
                case INTERSECT -> inThis && inOther;
                case SUBTRACT -> inThis && !inOther;
            };
        }
    }

    /** One sweep over both sets' range boundaries; membership only changes at a boundary. */
    private BitField combine(BitField other, Operation operation) {
        long[] a = bounds;
        long[] b = other.bounds;
        RlePlus.LongArray out = new RlePlus.LongArray();
        boolean inA = false;
        boolean inB = false;
        boolean inOut = false;
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            long next = i == a.length ? b[j] : j == b.length ? a[i] : Math.min(a[i], b[j]);
            if (i < a.length && a[i] == next) {
                inA = !inA;
                i++;
            }
            if (j < b.length && b[j] == next) {
                inB = !inB;
                j++;
            }
            boolean now = operation.holds(inA, inB);
            if (now != inOut) {
                out.add(next);
                inOut = now;
            }
        }
        return new BitField(out.toArray());
    }

    private static void requireValue(long value) {
        if (value < 0 || value > MAX_VALUE) {
            throw new IllegalArgumentException("bitfield value " + value + " outside 0.." + MAX_VALUE);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BitField that && Arrays.equals(bounds, that.bounds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bounds);
    }

    /** Like {@code {0-2, 8, 9}}, shortened after 32 ranges. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        int shown = Math.min(bounds.length, 64);
        for (int i = 0; i < shown; i += 2) {
            if (i > 0) {
                out.append(", ");
            }
            long start = bounds[i];
            long end = bounds[i + 1] - 1;
            out.append(start);
            if (end > start) {
                out.append(end == start + 1 ? ", " : "-").append(end);
            }
        }
        if (shown < bounds.length) {
            out.append(", ... (").append(bounds.length / 2 - 32).append(" more ranges)");
        }
        return out.append('}').toString();
    }
}
