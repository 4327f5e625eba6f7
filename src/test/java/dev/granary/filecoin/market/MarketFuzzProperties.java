package dev.granary.filecoin.market;

import dev.granary.fuzz.CborDamage;
import dev.granary.ipld.cbor.Cbor;
import dev.granary.ipld.cbor.CborCodec;
import dev.granary.ipld.cbor.CborDecodeException;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Hostile input for every decoder entry point. Each try runs {@value #CASES_PER_TRY} cases: random bytes (half
 * of the time after a cut-off valid prefix, to get past the first header) and damaged valid encodings, in one
 * hand-off to {@link CaseTimeout} (the hand-off costs more than decoding a case). The only exception
 * allowed is CborDecodeException, no try may outlast {@link CaseTimeout}, and whatever is accepted must
 * survive a second round: byte-identical for the tuple types (their decoder takes canonical bytes only, and
 * signatures cover them), equal after re-encoding for the map types (whose keys may come in any order).
 *
 * <p>Every decoder gets 100,000 cases: what a provider reads from strangers (DealParams, DealProposal,
 * ClientDealProposal, DealStatusRequest, AskRequest), what a client reads back, and the nested types.
 */
class MarketFuzzProperties {
    private static final int CASES_PER_TRY = 4;
    private static final int TRIES = 100_000 / CASES_PER_TRY;
    /** Below this share of accepted damaged inputs, the second-round checks would hardly run. */
    private static final double MIN_ACCEPTED_PERCENT = 0.5;
    private static final int MAX_NOISE_BYTES = 200;
    /**
     * Valid encodings to damage, generated once: generating a fresh value per try would cost several times
     * the decoding it is there to feed, while the damage (drawn per try) is what makes the cases differ.
     */
    private static final int POOL_SIZE = 250;
    private static final List<byte[]> DEAL_PARAMS = pool(MarketArbitraries.dealParams(), DealParams.CODEC);
    private static final List<byte[]> DEAL_PROPOSAL = pool(MarketArbitraries.proposals(), DealProposal.CODEC);
    private static final List<byte[]> CLIENT_DEAL_PROPOSAL = pool(MarketArbitraries.clientProposals(), ClientDealProposal.CODEC);
    private static final List<byte[]> DEAL_STATUS_REQUEST = pool(MarketArbitraries.statusRequests(), DealStatusRequest.CODEC);
    private static final List<byte[]> DEAL_STATUS_RESPONSE = pool(MarketArbitraries.statusResponses(), DealStatusResponse.CODEC);
    private static final List<byte[]> ASK_REQUEST = pool(MarketArbitraries.askRequests(), AskRequest.CODEC);
    private static final List<byte[]> DEAL_PARAMS_V120 = pool(MarketArbitraries.dealParamsV120(), DealParamsV120.CODEC);
    private static final List<byte[]> DEAL_LABEL = pool(MarketArbitraries.labels(), DealLabel.CODEC);
    private static final List<byte[]> TRANSFER = pool(MarketArbitraries.transfers(), Transfer.CODEC);
    private static final List<byte[]> DEAL_RESPONSE = pool(MarketArbitraries.dealResponses(), DealResponse.CODEC);
    private static final List<byte[]> DEAL_STATUS = pool(MarketArbitraries.dealStatuses(), DealStatus.CODEC);
    private static final List<byte[]> STORAGE_ASK = pool(MarketArbitraries.storageAsks(), StorageAsk.CODEC);
    private static final List<byte[]> SIGNED_STORAGE_ASK = pool(MarketArbitraries.signedAsks(), SignedStorageAsk.CODEC);
    private static final List<byte[]> ASK_RESPONSE = pool(MarketArbitraries.askResponses(), AskResponse.CODEC);
    private static final List<byte[]> HTTP_PARAMS =
            MarketArbitraries.httpParams().sampleStream().limit(POOL_SIZE).map(HttpTransferParams::toJson).toList();

    @Property(tries = TRIES)
    void dealParams(@ForAll long seed) throws Throwable {
        hostile(DealParams.CODEC, DEAL_PARAMS, seed, false);
    }

    @Property(tries = TRIES)
    void dealProposal(@ForAll long seed) throws Throwable {
        hostile(DealProposal.CODEC, DEAL_PROPOSAL, seed, true);
    }

    @Property(tries = TRIES)
    void clientDealProposal(@ForAll long seed) throws Throwable {
        hostile(ClientDealProposal.CODEC, CLIENT_DEAL_PROPOSAL, seed, true);
    }

    @Property(tries = TRIES)
    void dealStatusRequest(@ForAll long seed) throws Throwable {
        hostile(DealStatusRequest.CODEC, DEAL_STATUS_REQUEST, seed, false);
    }

    @Property(tries = TRIES)
    void dealStatusResponse(@ForAll long seed) throws Throwable {
        hostile(DealStatusResponse.CODEC, DEAL_STATUS_RESPONSE, seed, false);
    }

    @Property(tries = TRIES)
    void askRequest(@ForAll long seed) throws Throwable {
        hostile(AskRequest.CODEC, ASK_REQUEST, seed, false);
    }

    @Property(tries = TRIES)
    void dealParamsV120(@ForAll long seed) throws Throwable {
        hostile(DealParamsV120.CODEC, DEAL_PARAMS_V120, seed, false);
    }

    @Property(tries = TRIES)
    void dealLabel(@ForAll long seed) throws Throwable {
        hostile(DealLabel.CODEC, DEAL_LABEL, seed, true);
    }

    @Property(tries = TRIES)
    void transfer(@ForAll long seed) throws Throwable {
        hostile(Transfer.CODEC, TRANSFER, seed, false);
    }

    @Property(tries = TRIES)
    void dealResponse(@ForAll long seed) throws Throwable {
        hostile(DealResponse.CODEC, DEAL_RESPONSE, seed, false);
    }

    @Property(tries = TRIES)
    void dealStatus(@ForAll long seed) throws Throwable {
        hostile(DealStatus.CODEC, DEAL_STATUS, seed, false);
    }

    @Property(tries = TRIES)
    void storageAsk(@ForAll long seed) throws Throwable {
        hostile(StorageAsk.CODEC, STORAGE_ASK, seed, false);
    }

    @Property(tries = TRIES)
    void signedStorageAsk(@ForAll long seed) throws Throwable {
        hostile(SignedStorageAsk.CODEC, SIGNED_STORAGE_ASK, seed, false);
    }

    @Property(tries = TRIES)
    void askResponse(@ForAll long seed) throws Throwable {
        hostile(AskResponse.CODEC, ASK_RESPONSE, seed, false);
    }

    /** The params JSON comes from strangers too; its parser may only throw IllegalArgumentException. */
    @Property(tries = TRIES)
    void httpTransferParams(@ForAll long seed) throws Throwable {
        Random random = new Random(seed);
        List<byte[]> inputs = inputs(HTTP_PARAMS, random);
        List<Boolean> accepted = CaseTimeout.run(() -> {
            parsesOrRefuses(inputs.getFirst());
            return inputs.subList(1, CASES_PER_TRY).stream().map(MarketFuzzProperties::parsesOrRefuses).toList();
        });
        accepted.forEach(MarketFuzzProperties::countAccepted);
    }

    private static <T> void hostile(CborCodec<T> codec, List<byte[]> pool, long seed, boolean exact) throws Throwable {
        List<byte[]> inputs = inputs(pool, new Random(seed));
        // statistics must be collected on jqwik's thread, so the accepted flags come back from the case thread
        List<Boolean> accepted = CaseTimeout.run(() -> {
            survives(codec, inputs.getFirst(), exact);
            return inputs.subList(1, CASES_PER_TRY).stream().map(damaged -> survives(codec, damaged, exact)).toList();
        });
        accepted.forEach(MarketFuzzProperties::countAccepted);
    }

    /** Random bytes (alone or after a cut-off valid encoding) first, then damaged valid encodings. */
    private static List<byte[]> inputs(List<byte[]> pool, Random random) {
        List<byte[]> inputs = new ArrayList<>(CASES_PER_TRY);
        byte[] valid = pool.get(random.nextInt(POOL_SIZE));
        byte[] noise = noise(random);
        inputs.add(random.nextBoolean() ? noise : prefixed(valid, random.nextInt(valid.length), noise));
        while (inputs.size() < CASES_PER_TRY) {
            inputs.add(CborDamage.apply(pool.get(random.nextInt(POOL_SIZE)), random));
        }
        return inputs;
    }

    private static byte[] noise(Random random) {
        byte[] noise = new byte[random.nextInt(MAX_NOISE_BYTES + 1)];
        random.nextBytes(noise);
        return noise;
    }

    private static <T> List<byte[]> pool(Arbitrary<T> values, CborCodec<T> codec) {
        return values.sampleStream().limit(POOL_SIZE).map(value -> Cbor.encode(codec, value)).toList();
    }

    private static byte[] prefixed(byte[] valid, int keep, byte[] noise) {
        byte[] out = Arrays.copyOf(valid, keep + noise.length);
        System.arraycopy(noise, 0, out, keep, noise.length);
        return out;
    }

    /** True when the input was accepted (and passed the second round). */
    private static <T> boolean survives(CborCodec<T> codec, byte[] input, boolean exact) {
        T value;
        try {
            value = Cbor.decode(codec, input);
        } catch (CborDecodeException expected) {
            return false;
        }
        byte[] written = Cbor.encode(codec, value);
        if (exact) {
            assertArrayEquals(input, written, () -> "accepted but written differently: " + hex(input));
        }
        T again = Cbor.decode(codec, written);
        assertEquals(value, again, () -> "changed on a second round: " + hex(input));
        assertArrayEquals(written, Cbor.encode(codec, again), () -> hex(input));
        return true;
    }

    private static boolean parsesOrRefuses(byte[] json) {
        HttpTransferParams params;
        try {
            params = HttpTransferParams.parse(json);
        } catch (IllegalArgumentException expected) {
            return false;
        }
        assertEquals(params, HttpTransferParams.parse(params.toJson()), () -> hex(json));
        return true;
    }

    private static void countAccepted(boolean accepted) {
        Statistics.label("damaged input accepted").collect(accepted);
        Statistics.label("damaged input accepted").coverage(check -> check.check(true).percentage(p -> p >= MIN_ACCEPTED_PERCENT));
    }

    private static String hex(byte[] input) {
        return "input " + HexFormat.of().formatHex(Arrays.copyOf(input, Math.min(input.length, 600)));
    }
}
