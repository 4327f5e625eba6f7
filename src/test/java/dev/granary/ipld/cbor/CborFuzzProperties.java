package dev.granary.ipld.cbor;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Hostile input for the CBOR layer: 100,000 cases for the generic value decoder, half random bytes, half
 * damaged valid encodings. The two sample structs (kept here so the layer is tested without the market
 * package) get fewer, since the real market codecs get 100,000 each in MarketFuzzProperties. Whatever arrives, the only exception is CborDecodeException, no case runs longer than the
 * watchdog allows, and whatever is accepted survives being written and read again (for DealProposal: is
 * written back byte for byte, since the client's signature covers those bytes).
 */
class CborFuzzProperties {
    private static final int TRIES = 50_000;
    private static final int SAMPLE_TRIES = 10_000;
    private static final int SECONDS_PER_CASE = 5;
    /** Below this share of accepted damaged inputs, the re-encoding checks would hardly ever run. */
    private static final double MIN_ACCEPTED_PERCENT = 1.0;

    @Property(tries = TRIES)
    void genericValueSurvivesRandomBytes(@ForAll @Size(max = 96) byte[] input) throws Throwable {
        Watchdog.within(SECONDS_PER_CASE, () -> checkValue(input));
    }

    @Property(tries = TRIES)
    void genericValueSurvivesDamagedEncodings(@ForAll long seed) throws Throwable {
        byte[] valid = Cbor.encode(CborValueCodec.INSTANCE, new RandomCbor(seed).value(3));
        byte[] input = Mutations.mutate(valid, new Random(seed));
        countAccepted(Watchdog.within(SECONDS_PER_CASE, () -> checkValue(input)));
    }

    @Property(tries = SAMPLE_TRIES)
    void dealProposalSurvivesRandomBytes(@ForAll @Size(max = 160) byte[] input) throws Throwable {
        Watchdog.within(SECONDS_PER_CASE, () -> checkProposal(input));
    }

    @Property(tries = SAMPLE_TRIES)
    void dealProposalSurvivesDamagedEncodings(@ForAll long seed) throws Throwable {
        byte[] valid = Cbor.encode(SampleDealProposal.CODEC, SampleValues.proposal(seed));
        byte[] input = Mutations.mutate(valid, new Random(seed));
        countAccepted(Watchdog.within(SECONDS_PER_CASE, () -> checkProposal(input)));
    }

    @Property(tries = SAMPLE_TRIES)
    void dealParamsSurvivesRandomBytes(@ForAll @Size(max = 160) byte[] input) throws Throwable {
        Watchdog.within(SECONDS_PER_CASE, () -> checkParams(input));
    }

    @Property(tries = SAMPLE_TRIES)
    void dealParamsSurvivesDamagedEncodings(@ForAll long seed) throws Throwable {
        byte[] valid = Cbor.encode(SampleDealParams.CODEC, SampleValues.params(seed));
        byte[] input = Mutations.mutate(valid, new Random(seed));
        countAccepted(Watchdog.within(SECONDS_PER_CASE, () -> checkParams(input)));
    }

    private static void countAccepted(boolean accepted) {
        Statistics.label("accepted").collect(accepted);
        Statistics.label("accepted").coverage(check -> check.check(true).percentage(p -> p >= MIN_ACCEPTED_PERCENT));
    }

    /** True when the input was accepted (and then survived a second round). */
    private static boolean checkValue(byte[] input) {
        CborValue value;
        try {
            value = Cbor.decode(CborValueCodec.INSTANCE, input);
        } catch (CborDecodeException expected) {
            return false;
        }
        assertEquals(value, Cbor.decode(CborValueCodec.INSTANCE, Cbor.encode(CborValueCodec.INSTANCE, value)), () -> hex(input));
        return true;
    }

    private static boolean checkProposal(byte[] input) {
        SampleDealProposal proposal;
        try {
            proposal = Cbor.decode(SampleDealProposal.CODEC, input);
        } catch (CborDecodeException expected) {
            return false;
        }
        assertArrayEquals(input, Cbor.encode(SampleDealProposal.CODEC, proposal), () -> hex(input));
        return true;
    }

    private static boolean checkParams(byte[] input) {
        SampleDealParams params;
        try {
            params = Cbor.decode(SampleDealParams.CODEC, input);
        } catch (CborDecodeException expected) {
            return false;
        }
        byte[] written = Cbor.encode(SampleDealParams.CODEC, params);
        assertArrayEquals(written, Cbor.encode(SampleDealParams.CODEC, Cbor.decode(SampleDealParams.CODEC, written)),
                () -> hex(input));
        return true;
    }

    private static String hex(byte[] input) {
        return "input " + HexFormat.of().formatHex(Arrays.copyOf(input, Math.min(input.length, 512)));
    }
}
