package dev.granary.examples.consensus;

import dev.granary.examples.consensus.ConsensusEvent.ConfirmationReceived;
import dev.granary.examples.consensus.ConsensusEvent.LivenessCheckReceived;
import dev.granary.examples.consensus.ConsensusEvent.ProposalReceived;
import dev.granary.examples.consensus.ConsensusEvent.VoteReceived;
import dev.granary.fsm.Outcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.granary.examples.consensus.ConsensusState.COLLECTING;
import static dev.granary.examples.consensus.ConsensusState.VOTING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/** How received messages land in a machine's data, through the engine. */
class RoundBookkeepingTest {
    private static final Frame GENESIS = Frame.genesis();
    private static final Frame PROPOSAL = Frame.next(GENESIS, new Ops(1, "a", "x"), "a");
    private static final Frame OTHER = Frame.next(GENESIS, new Ops(1, "b", "y"), "b");

    @Test
    void messagesAreRecordedWhateverTheStateWithoutMovingIt() throws Exception {
        try (ManualGroup group = new ManualGroup()) {
            group.create("m", COLLECTING, RoundData.genesis(GENESIS));
            Ops ops = new Ops(1, "a", "x");
            FrameVote vote = new FrameVote(1, "b", "a", PROPOSAL.hash());
            for (ConsensusEvent event : List.of(new LivenessCheckReceived("a", ops), new ProposalReceived("a", PROPOSAL),
                    new VoteReceived("a", "b", vote), new ConfirmationReceived("c", PROPOSAL))) {
                assertEquals(COLLECTING.name(), ((Outcome.Applied) group.send("m", event)).to(), event.toString());
            }

            RoundData data = group.snapshot("m").data();
            assertEquals(ops, data.liveness().get(1, "a"));
            assertEquals(PROPOSAL, data.proposals().get(1, "a"));
            assertEquals(vote, data.votes().get(1, "b"));
            assertEquals(PROPOSAL, data.confirmations().get(1, "c"));
            assertEquals(List.of(), group.of("m").stream().filter(t -> t.from() != t.to()).toList());
        }
    }

    @Test
    void aProposalDuringVotingRerunsTheVoteAndRestartsItsTimeout() throws Exception {
        try (ManualGroup group = new ManualGroup()) {
            group.create("m", VOTING, ManualGroup.midRound());
            int before = group.app.calls.get();
            group.advance(Duration.ofSeconds(10));

            group.send("m", new ProposalReceived("a", PROPOSAL));
            assertEquals(before + 1, group.app.calls.get(), "the voting behavior ran again");
            group.advance(ManualGroup.TIMING.voting().minusSeconds(1));
            assertEquals(1, group.of("m").size(), "the voting timeout was not restarted");

            group.advance(Duration.ofSeconds(1));
            assertInstanceOf(ConsensusEvent.VotingTimeout.class, group.of("m").getLast().event());
        }
    }

    @Test
    void aPeerCannotChangeItsVoteButThisNodeCan() throws Exception {
        try (ManualGroup group = new ManualGroup()) {
            group.create("m", COLLECTING, RoundData.genesis(GENESIS));
            group.send("m", new VoteReceived("a", "peer", new FrameVote(1, "peer", "a", PROPOSAL.hash())));

            Outcome changed = group.send("m", new VoteReceived("b", "peer", new FrameVote(1, "peer", "b", OTHER.hash())));
            assertEquals(new Outcome.Rejected(COLLECTING.name(), "conflicting vote"), changed);

            group.send("m", new VoteReceived("a", "self", new FrameVote(1, "self", "a", PROPOSAL.hash())));
            group.send("m", new VoteReceived("b", "self", new FrameVote(1, "self", "b", OTHER.hash())));
            RoundData data = group.snapshot("m").data();
            assertEquals(PROPOSAL.hash(), data.votes().get(1, "peer").identity());
            assertEquals(OTHER.hash(), data.votes().get(1, "self").identity());
            assertEquals("b", data.chosenProposer());
        }
    }

    @Test
    void decidedAndFarFutureRanksAreNotKept() throws Exception {
        try (ManualGroup group = new ManualGroup()) {
            group.create("m", COLLECTING, RoundData.genesis(GENESIS));
            group.send("m", new ProposalReceived("a", GENESIS));
            group.send("m", new ProposalReceived("a", new Frame(1 + RoundData.HORIZON, "far", "", "a")));
            group.send("m", new ProposalReceived("a", new Frame(RoundData.HORIZON, "near", "", "a")));

            RankBook proposals = group.snapshot("m").data().proposals();
            assertEquals(List.of((long) RoundData.HORIZON), List.copyOf(proposals.byRank().keySet()));
        }
    }

    @Test
    void verificationMakesTheFinalizedStateActiveAndForgetsItsRound() {
        RoundData round = RoundData.genesis(GENESIS)
                .collectedFor(new Ops(1, "self", "x"), List.of("a", "b"))
                .withProposal("a", PROPOSAL)
                .withProposal("b", new Frame(2, "next", "", "b"))
                .withOwnVote("self", "a", new FrameVote(1, "self", "a", PROPOSAL.hash()))
                .finalizing(PROPOSAL);

        RoundData advanced = round.advanced();

        assertEquals(PROPOSAL, advanced.activeState());
        assertNull(advanced.nextState());
        assertNull(advanced.collected());
        assertEquals(List.of(2L), List.copyOf(advanced.proposals().byRank().keySet()), "rank 2 is still to decide");
        assertEquals(RankBook.EMPTY.byRank(), advanced.votes().byRank());
        assertEquals(advanced, advanced.finalizing(null).advanced(), "without a finalized state nothing moves");
    }

    @Test
    void timingScalesEveryDelay() {
        Timing fast = Timing.SEED.scaledDown(50);
        assertEquals(Duration.ofMillis(320), fast.voting());
        assertEquals(Duration.ofMillis(20), fast.votePoll());
        assertEquals(Duration.ofMillis(2400), fast.proving());
    }
}
