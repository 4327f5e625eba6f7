package dev.granary.examples.consensus;

import java.util.List;
import java.util.Objects;

/**
 * A machine's data: the active (last finalized) state and the round in progress on top of it.
 *
 * <p>The books keep items for upcoming ranks as well as the next one, because a faster peer's liveness or
 * proposal for rank r+2 can arrive while this node still decides r+1, and is not always sent again. They
 * accept at most {@link #HORIZON} ranks ahead: a node further behind has to sync anyway, and the bound keeps
 * junk from far-future ranks out of memory.
 *
 * @param activeState    the state rounds build on; never null
 * @param nextState      finalized by voting, not yet verified; null outside finalizing/verifying
 * @param collected      this node's operations for the next rank; null until collected
 * @param nextProvers    leaders for the next rank, in priority order
 * @param chosenProposer whose proposal this node voted for in this round; null until it votes
 */
public record RoundData(Unique activeState, Unique nextState, Unique collected, List<String> nextProvers,
                        String chosenProposer, RankBook liveness, RankBook proposals, RankBook votes,
                        RankBook confirmations) {
    public static final int HORIZON = 16;

    public RoundData {
        Objects.requireNonNull(activeState, "activeState");
        nextProvers = List.copyOf(nextProvers);
        Objects.requireNonNull(liveness);
        Objects.requireNonNull(proposals);
        Objects.requireNonNull(votes);
        Objects.requireNonNull(confirmations);
    }

    public static RoundData genesis(Unique state) {
        return new RoundData(state, null, null, List.of(), null, RankBook.EMPTY, RankBook.EMPTY, RankBook.EMPTY,
                RankBook.EMPTY);
    }

    /** The rank of the active state. */
    public long rank() {
        return activeState.rank();
    }

    /** The rank being decided. */
    public long nextRank() {
        return activeState.rank() + 1;
    }

    /** Whether an item for {@code rank} is worth keeping (see the class comment). */
    public boolean accepts(long rank) {
        return rank > rank() && rank <= rank() + HORIZON;
    }

    /** A state from sync: it becomes the active one, and rounds it already covers are forgotten. */
    public RoundData synced(Unique state) {
        return withActive(state, nextState, collected);
    }

    public RoundData collectedFor(Unique collectedOps, List<String> provers) {
        return new RoundData(activeState, nextState, collectedOps, provers, null, liveness, proposals, votes, confirmations);
    }

    public RoundData withProvers(List<String> provers) {
        return new RoundData(activeState, nextState, collected, provers, chosenProposer, liveness, proposals, votes, confirmations);
    }

    public RoundData withLiveness(String peer, Unique item) {
        return !accepts(item.rank()) ? this : new RoundData(activeState, nextState, collected, nextProvers, chosenProposer,
                liveness.putIfAbsent(item.rank(), peer, item), proposals, votes, confirmations);
    }

    public RoundData withProposal(String peer, Unique item) {
        return !accepts(item.rank()) ? this : new RoundData(activeState, nextState, collected, nextProvers, chosenProposer,
                liveness, proposals.putIfAbsent(item.rank(), peer, item), votes, confirmations);
    }

    /** A peer's vote counts once; a second, different one is refused by the machine before it gets here. */
    public RoundData withVote(String voter, Unique item) {
        return !accepts(item.rank()) ? this : new RoundData(activeState, nextState, collected, nextProvers, chosenProposer,
                liveness, proposals, votes.putIfAbsent(item.rank(), voter, item), confirmations);
    }

    /** This node's own decision: it may replace an earlier own vote (after a re-sync) and fixes the proposer. */
    public RoundData withOwnVote(String self, String proposer, Unique item) {
        return !accepts(item.rank()) ? this : new RoundData(activeState, nextState, collected, nextProvers, proposer,
                liveness, proposals, votes.put(item.rank(), self, item), confirmations);
    }

    public RoundData withConfirmation(String peer, Unique item) {
        return !accepts(item.rank()) ? this : new RoundData(activeState, nextState, collected, nextProvers, chosenProposer,
                liveness, proposals, votes, confirmations.putIfAbsent(item.rank(), peer, item));
    }

    /** True when {@code voter} already voted differently at the vote's rank (the original engine's conflict). */
    public boolean conflicts(String voter, Unique vote) {
        Unique earlier = votes.get(vote.rank(), voter);
        return earlier != null && !earlier.identity().equals(vote.identity());
    }

    public RoundData finalizing(Unique finalized) {
        return new RoundData(activeState, finalized, collected, nextProvers, chosenProposer, liveness, proposals, votes, confirmations);
    }

    /** Verification: the finalized state becomes the active one; with none, nothing changes. */
    public RoundData advanced() {
        return nextState == null ? this : withActive(nextState, null, null);
    }

    private RoundData withActive(Unique state, Unique next, Unique collectedOps) {
        long through = state.rank();
        return new RoundData(state, next, collectedOps, nextProvers, chosenProposer, liveness.dropThrough(through),
                proposals.dropThrough(through), votes.dropThrough(through), confirmations.dropThrough(through));
    }
}
