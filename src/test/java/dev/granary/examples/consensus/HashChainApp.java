package dev.granary.examples.consensus;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One node's application for the network tests. Leaders rotate with the rank; a leader's proof takes
 * (its position in the leader list) x {@code proveStagger}, so the top leader's proposal reaches everyone
 * long before a lower one is ready, and honest nodes vote alike. Sync is local: the node's own state is
 * as good as it gets here.
 */
final class HashChainApp implements SyncProvider<Frame>, VotingProvider<Frame, FrameVote>, LeaderProvider<Frame, Ops>,
        LivenessProvider<Frame, Ops> {
    private final Vertx vertx;
    private final Gossip gossip;
    private final List<String> provers;
    private final int minimumProvers;
    private final Duration proveStagger;

    HashChainApp(Vertx vertx, Gossip gossip, List<String> provers, int minimumProvers, Duration proveStagger) {
        this.vertx = vertx;
        this.gossip = gossip;
        this.provers = List.copyOf(provers);
        this.minimumProvers = minimumProvers;
        this.proveStagger = proveStagger;
    }

    /** Provers in priority order for {@code rank}: the list rotated by the rank. */
    List<String> leadersFor(long rank) {
        List<String> order = new ArrayList<>(provers.size());
        int start = (int) Math.floorMod(rank, (long) provers.size());
        for (int i = 0; i < provers.size(); i++) {
            order.add(provers.get((start + i) % provers.size()));
        }
        return order;
    }

    @Override
    public Future<Frame> synchronize(Frame existing) {
        return Future.succeededFuture(existing);
    }

    @Override
    public Future<List<String>> nextLeaders(Frame prior) {
        return Future.succeededFuture(leadersFor(prior.rank() + 1));
    }

    @Override
    public Future<Frame> proveNextState(Frame prior, Ops collected) {
        Frame proposal = Frame.next(prior, collected, gossip.self());
        long delay = leadersFor(prior.rank() + 1).indexOf(gossip.self()) * proveStagger.toMillis();
        if (delay <= 0) {
            return Future.succeededFuture(proposal);
        }
        Promise<Frame> proved = Promise.promise();
        vertx.setTimer(delay, id -> proved.complete(proposal));
        return proved.future();
    }

    @Override
    public Future<Ops> collect(Frame prior) {
        long rank = prior.rank() + 1;
        return Future.succeededFuture(new Ops(rank, gossip.self(), "ops of " + gossip.self() + " for " + rank));
    }

    @Override
    public Future<Void> sendLiveness(Frame prior, Ops collected) {
        gossip.liveness(collected);
        return Future.succeededFuture();
    }

    @Override
    public Future<Void> sendProposal(Frame proposal) {
        gossip.proposal(proposal);
        return Future.succeededFuture();
    }

    @Override
    public Future<Decision<FrameVote>> decideAndSendVote(Map<String, Frame> proposals) {
        long rank = proposals.values().iterator().next().rank();
        for (String leader : leadersFor(rank)) {
            Frame frame = proposals.get(leader);
            if (frame != null) {
                FrameVote vote = new FrameVote(rank, gossip.self(), leader, frame.hash());
                gossip.vote(leader, vote);
                return Future.succeededFuture(new Decision<>(leader, vote));
            }
        }
        return Future.failedFuture(new IllegalStateException("no proposal from a leader of rank " + rank));
    }

    @Override
    public Future<String> sendVote(FrameVote vote) {
        gossip.vote(vote.proposer(), vote);
        return Future.succeededFuture(vote.proposer());
    }

    @Override
    public Future<Boolean> isQuorum(Map<String, FrameVote> votes) {
        return Future.succeededFuture(winner(votes) != null);
    }

    @Override
    public Future<Finalized<Frame>> finalizeVotes(Map<String, Frame> proposals, Map<String, FrameVote> votes) {
        String hash = winner(votes);
        for (Map.Entry<String, Frame> proposal : proposals.entrySet()) {
            if (proposal.getValue().hash().equals(hash)) {
                return Future.succeededFuture(new Finalized<>(proposal.getValue(), proposal.getKey()));
            }
        }
        return Future.failedFuture(new IllegalStateException("quorum for a frame this node does not have: " + hash));
    }

    @Override
    public Future<Void> sendConfirmation(Frame finalized) {
        gossip.confirmation(finalized);
        return Future.succeededFuture();
    }

    /** The frame hash with at least the minimum number of votes, or null. */
    private String winner(Map<String, FrameVote> votes) {
        Map<String, Integer> counts = new HashMap<>();
        for (FrameVote vote : votes.values()) {
            if (counts.merge(vote.frameHash(), 1, Integer::sum) >= minimumProvers) {
                return vote.frameHash();
            }
        }
        return null;
    }
}
