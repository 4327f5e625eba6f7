package dev.granary.examples.consensus;

import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Providers that never answer: behaviors start and then wait forever, so a test alone decides (with
 * events and the manual clock) what happens to a machine. Counts the calls, to tell that a behavior ran.
 */
final class HangingApp implements SyncProvider<Frame>, VotingProvider<Frame, FrameVote>, LeaderProvider<Frame, Ops>,
        LivenessProvider<Frame, Ops> {
    final AtomicInteger calls = new AtomicInteger();

    private <T> Future<T> never() {
        calls.incrementAndGet();
        return Promise.<T>promise().future();
    }

    @Override
    public Future<Frame> synchronize(Frame existing) {
        return never();
    }

    @Override
    public Future<List<String>> nextLeaders(Frame prior) {
        return never();
    }

    @Override
    public Future<Frame> proveNextState(Frame prior, Ops collected) {
        return never();
    }

    @Override
    public Future<Ops> collect(Frame prior) {
        return never();
    }

    @Override
    public Future<Void> sendLiveness(Frame prior, Ops collected) {
        return never();
    }

    @Override
    public Future<Void> sendProposal(Frame proposal) {
        return never();
    }

    @Override
    public Future<Decision<FrameVote>> decideAndSendVote(Map<String, Frame> proposals) {
        return never();
    }

    @Override
    public Future<String> sendVote(FrameVote vote) {
        return never();
    }

    @Override
    public Future<Boolean> isQuorum(Map<String, FrameVote> votes) {
        return never();
    }

    @Override
    public Future<Finalized<Frame>> finalizeVotes(Map<String, Frame> proposals, Map<String, FrameVote> votes) {
        return never();
    }

    @Override
    public Future<Void> sendConfirmation(Frame finalized) {
        return never();
    }
}
