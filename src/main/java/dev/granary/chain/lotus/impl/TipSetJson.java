package dev.granary.chain.lotus.impl;

import dev.granary.chain.ChainHead;
import dev.granary.chain.TipSetKey;
import dev.granary.ipld.Cid;
import io.vertx.core.json.JsonArray;

import java.util.List;

/**
 * Tipsets as lotus writes them ({@code types.TipSet}: {@code {"Cids": [...], "Blocks": [...], "Height": n}}),
 * tipset keys (an array of CID objects) and ChainNotify's {@code HeadChange}s.
 */
public final class TipSetJson {
    /** Far above the handful of blocks a tipset has; bounds the work a hostile node can cause. */
    static final int MAX_BLOCKS = 1000;
    static final int MAX_HEAD_CHANGES = 10_000;


    private TipSetJson() {
    }

    /** One entry of a ChainNotify notification. {@code type} is lotus' "current", "apply" or "revert". */
    public record HeadChange(String type, ChainHead head) {
    }

    /** The key of "the current head" in a state call: lotus reads an empty key as the heaviest tipset. */
    public static JsonArray emptyKey() {
        return new JsonArray();
    }

    public static ChainHead head(JsonValue tipSet) {
        TipSetKey key = key(tipSet.field("Cids"));
        long height = tipSet.field("Height").int64();
        JsonValue blocks = tipSet.field("Blocks");
        if (blocks.size() != key.cids().size()) {
            throw blocks.fail("a tipset of " + key.cids().size() + " CIDs has " + blocks.size() + " blocks");
        }
        // every block of a tipset carries the same timestamp (consensus rule), so the first one speaks for all
        long timestamp = blocks.index(0).field("Timestamp").uint64();
        return tipSet.build(() -> new ChainHead(height, key, timestamp));
    }

    public static TipSetKey key(JsonValue cids) {
        List<Cid> list = cids.list(MAX_BLOCKS, JsonValue::cid);
        return cids.build(() -> new TipSetKey(list));
    }

    public static List<HeadChange> headChanges(JsonValue changes) {
        return changes.list(MAX_HEAD_CHANGES, change -> {
            String type = change.field("Type").text(16);
            if (!type.equals("current") && !type.equals("apply") && !type.equals("revert")) {
                throw change.field("Type").fail("expected current, apply or revert, got \"" + type + "\"");
            }
            return new HeadChange(type, head(change.field("Val")));
        });
    }
}
