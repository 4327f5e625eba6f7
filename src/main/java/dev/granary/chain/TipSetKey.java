package dev.granary.chain;

import dev.granary.ipld.Cid;

import java.util.List;

/** The block CIDs naming a tipset (lotus' {@code TipSetKey}); the devnet makes one block per epoch. */
public record TipSetKey(List<Cid> cids) {
    public TipSetKey {
        cids = List.copyOf(cids);
        if (cids.isEmpty()) {
            throw new IllegalArgumentException("a tipset key names at least one block");
        }
    }

    public static TipSetKey of(Cid... cids) {
        return new TipSetKey(List.of(cids));
    }
}
