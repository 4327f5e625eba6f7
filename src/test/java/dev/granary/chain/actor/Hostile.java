package dev.granary.chain.actor;

import java.io.ByteArrayOutputStream;
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
    private static final int[] HEADERS = {
        0x00, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1f, 0x20, 0x37, 0x38, 0x3b, 0x40, 0x41, 0x42, 0x50, 0x58, 0x59,
        0x5b, 0x5f, 0x60, 0x61, 0x78, 0x7f, 0x80, 0x81, 0x82, 0x84, 0x86, 0x98, 0x9f, 0xa0, 0xa1, 0xbf, 0xc0, 0xd8,
        0x2a, 0xf4, 0xf5, 0xf6, 0xf7, 0xf9, 0xfb, 0xff,
    };
    private static final ExecutorService RUNNER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "actor-fuzz-case");
        thread.setDaemon(true);
        return thread;
    });

    private Hostile() {
    }

    static byte[] damage(byte[] valid, Random random) {
        byte[] bytes = valid;
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            bytes = once(bytes, random);
        }
        return bytes;
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

    private static byte[] once(byte[] in, Random random) {
        if (in.length == 0) {
            return new byte[] {(byte) HEADERS[random.nextInt(HEADERS.length)]};
        }
        int at = random.nextInt(in.length);
        byte[] out = in.clone();
        switch (random.nextInt(8)) {
            case 0 -> out[at] ^= (byte) (1 << random.nextInt(8));
            case 1 -> out[at] = (byte) HEADERS[random.nextInt(HEADERS.length)];
            case 2 -> out[at] += (byte) (random.nextBoolean() ? 1 : -1);
            case 3 -> out[at] = (byte) random.nextInt(256);
            case 4 -> {
                return Arrays.copyOf(in, at);
            }
            case 5 -> {
                return splice(in, at, new byte[] {(byte) HEADERS[random.nextInt(HEADERS.length)]}, 0);
            }
            case 6 -> {
                return splice(in, at, new byte[0], 1 + random.nextInt(Math.min(4, in.length - at)));
            }
            default -> {
                int from = random.nextInt(in.length);
                byte[] slice = Arrays.copyOfRange(in, from, Math.min(in.length, from + 1 + random.nextInt(24)));
                return splice(in, at, slice, 0);
            }
        }
        return out;
    }

    private static byte[] splice(byte[] in, int at, byte[] inserted, int removed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + inserted.length);
        out.write(in, 0, at);
        out.write(inserted, 0, inserted.length);
        out.write(in, at + removed, in.length - at - removed);
        return out.toByteArray();
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
