package dev.granary.chain.actor;

import dev.granary.fuzz.CborDamage;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Hostile input for the fuzz properties: valid encodings broken the ways that get past a decoder's first
 * checks (flipped bits, CBOR headers of every width and kind swapped in, lengths nudged by one, cuts,
 * insertions, slices copied elsewhere), random noise after a valid prefix, and a time bound per batch of cases
 * so a decoder that hangs fails the property instead of the build.
 */
final class Hostile {
    private static final int TIMEOUT_SECONDS = 5;
    private static final ExecutorService RUNNER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "actor-fuzz-case");
        thread.setDaemon(true);
        return thread;
    });

    private Hostile() {
    }

    static byte[] damage(byte[] valid, Random random) {
        return CborDamage.apply(valid, random);
    }

    /** Random bytes, alone or after a cut-off valid encoding. */
    static byte[] noise(byte[] valid, Random random, int maxNoise) {
        byte[] noise = new byte[random.nextInt(maxNoise + 1)];
        random.nextBytes(noise);
        if (random.nextBoolean()) {
            return noise;
        }
        int keep = random.nextInt(valid.length + 1);
        byte[] out = Arrays.copyOf(valid, keep + noise.length);
        System.arraycopy(noise, 0, out, keep, noise.length);
        return out;
    }

    static <T> T withinTimeout(Callable<T> body) throws Throwable {
        Future<T> future = RUNNER.submit(body);
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause();
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new AssertionError("case did not finish within " + TIMEOUT_SECONDS + " s");
        }
    }

    static String hex(byte[] input) {
        return "input " + HexFormat.of().formatHex(Arrays.copyOf(input, Math.min(input.length, 600)));
    }
}
