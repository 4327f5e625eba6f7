package dev.granary.bench;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.GeneralSecurityException;

/**
 * What ChaCha20-Poly1305 alone costs on one thread of this machine, used the way a Noise transport uses it: one
 * 65519-byte message per frame, the cipher re-initialised with the next nonce each time. No transport can spend less
 * CPU per byte than this, so it bounds what the p2p run can reach next to plain TCP.
 */
public final class CipherCost {
    static final int MESSAGE = 65535 - 16;
    private static final int DISTINCT_FRAMES = 16;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Bytes per CPU-second of one thread, sealing and opening. */
    public record Rates(double sealBytesPerSecond, double openBytesPerSecond) {
        /** CPU seconds per gigabyte, sealing and opening. */
        public double sealSecondsPerGigabyte() {
            return 1e9 / sealBytesPerSecond;
        }

        public double openSecondsPerGigabyte() {
            return 1e9 / openBytesPerSecond;
        }
    }

    private CipherCost() {
    }

    /** Runs each direction for about {@code cpuMillis} of this thread's CPU after a warm-up of the same length. */
    public static Rates measure(long cpuMillis) throws GeneralSecurityException {
        SecretKeySpec key = new SecretKeySpec(new byte[32], "ChaCha20");
        Cipher cipher = Cipher.getInstance("ChaCha20-Poly1305");
        byte[] plaintext = new byte[MESSAGE];
        byte[][] sealed = new byte[DISTINCT_FRAMES][MESSAGE + 16];
        for (int i = 0; i < DISTINCT_FRAMES; i++) {
            cipher.init(Cipher.ENCRYPT_MODE, key, nonce(i));
            cipher.doFinal(plaintext, 0, MESSAGE, sealed[i], 0);
        }
        long[] counter = {DISTINCT_FRAMES};
        byte[] out = new byte[MESSAGE + 16];
        Step seal = () -> {
            cipher.init(Cipher.ENCRYPT_MODE, key, nonce(counter[0]++));
            cipher.doFinal(plaintext, 0, MESSAGE, out, 0);
        };
        long[] next = {0};
        Step open = () -> {
            int frame = (int) (next[0]++ % DISTINCT_FRAMES);
            cipher.init(Cipher.DECRYPT_MODE, key, nonce(frame));
            cipher.doFinal(sealed[frame], 0, MESSAGE + 16, out, 0);
        };
        run(seal, cpuMillis);
        run(open, cpuMillis);
        return new Rates(run(seal, cpuMillis), run(open, cpuMillis));
    }

    private interface Step {
        void once() throws GeneralSecurityException;
    }

    /** Bytes per CPU-second of this thread. */
    private static double run(Step step, long cpuMillis) throws GeneralSecurityException {
        long start = THREADS.getCurrentThreadCpuTime();
        long deadline = start + cpuMillis * 1_000_000;
        long messages = 0;
        long now;
        do {
            for (int i = 0; i < 64; i++) {
                step.once();
            }
            messages += 64;
            now = THREADS.getCurrentThreadCpuTime();
        } while (now < deadline);
        return messages * (double) MESSAGE / ((now - start) / 1e9);
    }

    private static IvParameterSpec nonce(long counter) {
        byte[] nonce = new byte[12];
        for (int i = 0; i < 8; i++) {
            nonce[4 + i] = (byte) (counter >>> (8 * i));
        }
        return new IvParameterSpec(nonce);
    }
}
