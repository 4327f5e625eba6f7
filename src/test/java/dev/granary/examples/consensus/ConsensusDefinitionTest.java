package dev.granary.examples.consensus;

import dev.granary.examples.consensus.ConsensusEvent.AggregationTimeout;
import dev.granary.examples.consensus.ConsensusEvent.CleanupComplete;
import dev.granary.examples.consensus.ConsensusEvent.InduceSync;
import dev.granary.examples.consensus.ConsensusEvent.InitComplete;
import dev.granary.examples.consensus.ConsensusEvent.LivenessTimeout;
import dev.granary.examples.consensus.ConsensusEvent.PublishTimeout;
import dev.granary.examples.consensus.ConsensusEvent.Stop;
import dev.granary.examples.consensus.ConsensusEvent.SyncTimeout;
import dev.granary.examples.consensus.ConsensusEvent.VerificationTimeout;
import dev.granary.examples.consensus.ConsensusEvent.VotingTimeout;
import dev.granary.fsm.Mermaid;
import dev.granary.fsm.Outcome;
import dev.granary.fsm.StateTimeout;
import dev.granary.fsm.TransitionEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.granary.examples.consensus.ConsensusState.COLLECTING;
import static dev.granary.examples.consensus.ConsensusState.FINALIZING;
import static dev.granary.examples.consensus.ConsensusState.LIVENESS_CHECK;
import static dev.granary.examples.consensus.ConsensusState.LOADING;
import static dev.granary.examples.consensus.ConsensusState.PROVING;
import static dev.granary.examples.consensus.ConsensusState.PUBLISHING;
import static dev.granary.examples.consensus.ConsensusState.STARTING;
import static dev.granary.examples.consensus.ConsensusState.STOPPED;
import static dev.granary.examples.consensus.ConsensusState.STOPPING;
import static dev.granary.examples.consensus.ConsensusState.VERIFYING;
import static dev.granary.examples.consensus.ConsensusState.VOTING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The table, timeouts and diagram, with hanging providers and a manual clock (the original's timings). */
class ConsensusDefinitionTest {
    private static final Timing T = ManualGroup.TIMING;

    /** Each state's timeout: how long, the event it fires and where that leads. */
    private record Expiry(ConsensusState state, Duration after, Class<? extends ConsensusEvent> event, ConsensusState to) {
    }

    private static final List<Expiry> EXPIRIES = List.of(
            new Expiry(STARTING, T.starting(), InitComplete.class, LOADING),
            new Expiry(LOADING, T.loading(), SyncTimeout.class, LOADING),
            new Expiry(COLLECTING, T.collecting(), InduceSync.class, LOADING),
            new Expiry(LIVENESS_CHECK, T.livenessCheck(), LivenessTimeout.class, LIVENESS_CHECK),
            new Expiry(PROVING, T.proving(), PublishTimeout.class, VOTING),
            new Expiry(PUBLISHING, T.publishing(), PublishTimeout.class, VOTING),
            new Expiry(VOTING, T.voting(), VotingTimeout.class, VOTING),
            new Expiry(FINALIZING, T.finalizing(), AggregationTimeout.class, FINALIZING),
            new Expiry(VERIFYING, T.verifying(), VerificationTimeout.class, VERIFYING),
            new Expiry(STOPPING, T.stopping(), CleanupComplete.class, STOPPED));

    @Test
    void induceSyncLeadsToLoadingFromEveryRunningState() throws Exception {
        try (ManualGroup group = new ManualGroup()) {
            for (ConsensusState state : ConsensusState.RUNNING) {
                String id = "sync-" + state;
                group.create(id, state, ManualGroup.midRound());
                assertEquals(state, group.snapshot(id).state(), "a behavior moved " + id + " by itself");

                Outcome outcome = group.send(id, new InduceSync("test"));

                assertEquals(new Outcome.Applied(state.name(), LOADING.name(), 2), outcome, id);
            }
        }
    }

    @Test
    void stopLeadsToStoppedFromEveryRunningState() throws Exception {
        try (ManualGroup group = new ManualGroup()) {
            for (ConsensusState state : ConsensusState.RUNNING) {
                String id = "stop-" + state;
                group.create(id, state, ManualGroup.midRound());

                Outcome outcome = group.send(id, new Stop());

                assertEquals(new Outcome.Applied(state.name(), STOPPING.name(), 2), outcome, id);
                assertEquals(STOPPED, group.snapshot(id).state(), id + ": stopping cleans up at once");
            }
        }
    }

    @Test
    void stoppedAndStoppingRefuseStopAndInduceSync() throws Exception {
        try (ManualGroup group = new ManualGroup()) {
            group.create("m", STOPPED, ManualGroup.midRound());
            for (ConsensusEvent event : List.of(new Stop(), new InduceSync("test"))) {
                Outcome outcome = group.send("m", event);
                assertEquals(new Outcome.Rejected(STOPPED.name(),
                        "no transition for " + event.getClass().getSimpleName() + " in state STOPPED"), outcome);
            }
            assertEquals(STOPPED, group.snapshot("m").state());
            // stopping leaves at once in a running group, so its rows are checked on the table itself
            for (Class<?> event : List.of(Stop.class, InduceSync.class)) {
                assertNull(group.definition.find(STOPPING, event), event.getSimpleName() + " must be refused in stopping");
            }
        }
    }

    @Test
    void startRunsUpToLoading() throws Exception {
        try (ManualGroup group = new ManualGroup()) {
            group.create("m", STOPPED, ManualGroup.midRound());
            assertEquals(new Outcome.Applied(STOPPED.name(), STARTING.name(), 2), group.send("m", new ConsensusEvent.Start()));
            group.advance(T.starting());
            assertEquals(LOADING, group.snapshot("m").state());
        }
    }

    @Test
    void everyStateTimeoutFiresItsEventWhenDue() throws Exception {
        try (ManualGroup group = new ManualGroup()) {
            for (Expiry expiry : EXPIRIES) {
                StateTimeout<ConsensusEvent, RoundData> declared = group.definition.state(expiry.state).timeout();
                assertEquals(expiry.after, declared.after(), expiry.state + " timeout");
                assertInstanceOf(expiry.event, declared.event().apply(ManualGroup.midRound()), expiry.state + " timeout event");
                if (expiry.state == STOPPING) {
                    continue; // its behavior finishes before any timeout could
                }
                String id = "timeout-" + expiry.state;
                group.create(id, expiry.state, ManualGroup.midRound());

                group.advance(expiry.after.minusMillis(1));
                assertEquals(List.of(), group.of(id), expiry.state + " timed out early");
                group.advance(Duration.ofMillis(1));

                TransitionEvent<ConsensusState, ConsensusEvent, RoundData> fired = group.of(id).getFirst();
                assertEquals(expiry.state, fired.from(), id);
                assertInstanceOf(expiry.event, fired.event(), id);
                assertEquals(expiry.to, fired.to(), id);
            }
        }
    }

    @Test
    void diagramShowsEveryStateAndTheGlobalEvents() throws Exception {
        try (ManualGroup group = new ManualGroup()) {
            String diagram = Mermaid.render(group.definition);
            for (ConsensusState state : ConsensusState.values()) {
                assertTrue(diagram.contains("    " + state.name()), state + " missing from\n" + diagram);
            }
            for (ConsensusState state : ConsensusState.RUNNING) {
                assertTrue(diagram.contains(state + " --> LOADING : InduceSync"), state + " InduceSync edge");
                assertTrue(diagram.contains(state + " --> STOPPING : Stop"), state + " Stop edge");
            }
            assertTrue(diagram.contains("[*] --> STOPPED"));
            assertTrue(diagram.contains("VOTING --> FINALIZING : QuorumReached"));
        }
    }
}
