package dev.granary.examples.consensus;

import java.util.HashMap;
import java.util.Map;

/**
 * Items received per rank and per peer (liveness announcements, proposals, votes, confirmations). Immutable:
 * every change returns a new book, so a machine's data can be shared with listeners as it is.
 */
public record RankBook(Map<Long, Map<String, Unique>> byRank) {
    public static final RankBook EMPTY = new RankBook(Map.of());

    public RankBook {
        byRank = Map.copyOf(byRank);
    }

    /** Everything recorded for {@code rank}, by peer; empty when nothing is. */
    public Map<String, Unique> at(long rank) {
        return byRank.getOrDefault(rank, Map.of());
    }

    /** The item {@code peer} sent for {@code rank}, or null. */
    public Unique get(long rank, String peer) {
        return at(rank).get(peer);
    }

    /** Records or replaces {@code peer}'s item for {@code rank}. */
    public RankBook put(long rank, String peer, Unique item) {
        Map<String, Unique> peers = new HashMap<>(at(rank));
        peers.put(peer, item);
        Map<Long, Map<String, Unique>> ranks = new HashMap<>(byRank);
        ranks.put(rank, Map.copyOf(peers));
        return new RankBook(ranks);
    }

    /** Records {@code peer}'s item unless it already sent one for {@code rank}: the first one counts. */
    public RankBook putIfAbsent(long rank, String peer, Unique item) {
        return get(rank, peer) != null ? this : put(rank, peer, item);
    }

    /** Forgets every rank up to and including {@code rank}, which can no longer be decided. */
    public RankBook dropThrough(long rank) {
        Map<Long, Map<String, Unique>> kept = new HashMap<>(byRank);
        kept.keySet().removeIf(r -> r <= rank);
        return kept.size() == byRank.size() ? this : new RankBook(kept);
    }

    public boolean isEmpty() {
        return byRank.isEmpty();
    }
}
