package dev.granary.piece;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteOrder;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 of exactly 64 bytes (one tree node), the CommP hot path. A 64-byte message is always two compression
 * rounds: the data block and the same fixed padding block. Calling the JDK's multi-block compression function (a
 * CPU intrinsic) directly on data-then-padding skips MessageDigest's per-message bookkeeping, about a fifth of the
 * cost of a node, and keeps the state in registers between the two blocks (7% over two single-block calls, even
 * with the 64-byte copy that puts the data in front of the padding). That needs the jar's {@code Add-Opens: java.base/sun.security.provider}; without it (or on a JDK whose
 * internals differ) nodes go through MessageDigest and give the same bytes, only slower.
 * Not thread-safe: one per thread.
 */
abstract sealed class Sha256Node permits Sha256Node.Intrinsic, Sha256Node.Digest {
    /** Writes SHA-256({@code in[inOff..inOff+64)}) to {@code out[outOff..outOff+32)}; {@code out} may overlap {@code in}. */
    abstract void hash(byte[] in, int inOff, byte[] out, int outOff);

    static Sha256Node create() {
        return Intrinsic.AVAILABLE ? new Intrinsic() : new Digest();
    }

    /** Whether the direct path is in use (benchmarks print it). */
    static boolean intrinsicAvailable() {
        return Intrinsic.AVAILABLE;
    }

    static final class Digest extends Sha256Node {
        private final MessageDigest sha256;

        Digest() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("the JDK lacks SHA-256", e);
            }
        }

        @Override
        void hash(byte[] in, int inOff, byte[] out, int outOff) {
            sha256.update(in, inOff, 64);
            try {
                sha256.digest(out, outOff, 32);
            } catch (DigestException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static final class Intrinsic extends Sha256Node {
        private static final int[] INITIAL = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
        /** The padding block of every 64-byte message: 0x80, zeros, then the bit length 512. */
        private static final byte[] PADDING = new byte[64];
        private static final VarHandle BIG_ENDIAN_INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
        /** {@code DigestBase.implCompressMultiBlock0(byte[] b, int ofs, int limit)}: blocks at ofs..limit inclusive. */
        private static final MethodHandle COMPRESS;
        private static final Constructor<?> NEW_SHA256;
        private static final Field STATE;
        static final boolean AVAILABLE;

        static {
            PADDING[0] = (byte) 0x80;
            PADDING[62] = 0x02;
            MethodHandle compress = null;
            Constructor<?> constructor = null;
            Field state = null;
            boolean available;
            try {
                Class<?> sha2 = Class.forName("sun.security.provider.SHA2");
                Method method = Class.forName("sun.security.provider.DigestBase")
                        .getDeclaredMethod("implCompressMultiBlock0", byte[].class, int.class, int.class);
                method.setAccessible(true);
                compress = MethodHandles.lookup().unreflect(method)
                        .asType(MethodType.methodType(int.class, Object.class, byte[].class, int.class, int.class));
                constructor = Class.forName("sun.security.provider.SHA2$SHA256").getDeclaredConstructor();
                constructor.setAccessible(true);
                state = sha2.getDeclaredField("state");
                state.setAccessible(true);
                available = selfTest(compress, constructor, state);
            } catch (Exception | LinkageError e) {
                // not opened to us, or a JDK whose internals differ: MessageDigest it is
                available = false;
            }
            COMPRESS = compress;
            NEW_SHA256 = constructor;
            STATE = state;
            AVAILABLE = available;
        }

        private final Object sha256;
        private final int[] state;
        /** The node's 64 bytes, then the padding block: both compressed in one call. */
        private final byte[] blocks = twoBlocks();

        Intrinsic() {
            try {
                sha256 = NEW_SHA256.newInstance();
                state = (int[]) STATE.get(sha256);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        void hash(byte[] in, int inOff, byte[] out, int outOff) {
            System.arraycopy(INITIAL, 0, state, 0, 8);
            System.arraycopy(in, inOff, blocks, 0, 64);
            try {
                int unused = (int) COMPRESS.invokeExact(sha256, blocks, 0, 64);
            } catch (Throwable t) {
                throw new IllegalStateException("SHA-256 compression failed", t);
            }
            for (int i = 0; i < 8; i++) {
                BIG_ENDIAN_INT.set(out, outOff + 4 * i, state[i]);
            }
        }

        private static byte[] twoBlocks() {
            byte[] blocks = new byte[128];
            System.arraycopy(PADDING, 0, blocks, 64, 64);
            return blocks;
        }

        /** The internals are not an API: use them only if they give MessageDigest's answer. */
        private static boolean selfTest(MethodHandle compress, Constructor<?> constructor, Field state) throws Exception {
            byte[] probe = new byte[64];
            for (int i = 0; i < probe.length; i++) {
                probe[i] = (byte) (i * 7 + 3);
            }
            Object sha = constructor.newInstance();
            int[] words = (int[]) state.get(sha);
            System.arraycopy(INITIAL, 0, words, 0, 8);
            byte[] blocks = twoBlocks();
            System.arraycopy(probe, 0, blocks, 0, 64);
            try {
                int unused = (int) compress.invokeExact(sha, blocks, 0, 64);
            } catch (Throwable t) {
                return false;
            }
            byte[] expected = MessageDigest.getInstance("SHA-256").digest(probe);
            for (int i = 0; i < 8; i++) {
                int word = ((expected[4 * i] & 0xFF) << 24) | ((expected[4 * i + 1] & 0xFF) << 16)
                        | ((expected[4 * i + 2] & 0xFF) << 8) | (expected[4 * i + 3] & 0xFF);
                if (words[i] != word) {
                    return false;
                }
            }
            return true;
        }
    }
}
