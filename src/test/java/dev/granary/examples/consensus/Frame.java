package dev.granary.examples.consensus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The test application's state: a hash chain. Each frame's hash covers its parent, the operations it was
 * built from and its proposer, so two nodes holding equal frames at a rank agree on the whole history.
 */
record Frame(long rank, String hash, String parent, String proposer) implements Unique {
    static Frame genesis() {
        return new Frame(0, sha256("genesis"), "", "");
    }

    /** The frame {@code proposer} proves on top of {@code prior} from {@code ops}: deterministic. */
    static Frame next(Frame prior, Ops ops, String proposer) {
        return new Frame(prior.rank + 1, sha256(prior.hash + "|" + ops.payload() + "|" + proposer), prior.hash, proposer);
    }

    @Override
    public String identity() {
        return hash;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
