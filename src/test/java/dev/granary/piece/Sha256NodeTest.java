package dev.granary.piece;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Sha256NodeTest {
    @Test
    void theDirectCompressionPathIsInUseUnderTheBuildsJvmFlags() {
        assertTrue(Sha256Node.intrinsicAvailable(), "surefire and the jar manifest open sun.security.provider");
        assertTrue(Sha256Node.create() instanceof Sha256Node.Intrinsic);
    }

    @Property(tries = 2000)
    void bothPathsGiveTheSameDigest(@ForAll @Size(64) byte[] block, @ForAll boolean overlapping) {
        byte[] viaDigest = new byte[64];
        byte[] viaIntrinsic = block.clone();
        new Sha256Node.Digest().hash(block, 0, viaDigest, 0);
        if (overlapping) {
            new Sha256Node.Intrinsic().hash(viaIntrinsic, 0, viaIntrinsic, 0);
        } else {
            new Sha256Node.Intrinsic().hash(block, 0, viaIntrinsic, 0);
        }
        assertArrayEquals(java.util.Arrays.copyOf(viaDigest, 32), java.util.Arrays.copyOf(viaIntrinsic, 32));
    }
}
