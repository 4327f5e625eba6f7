/**
 * Example, not part of the node: a round-based consensus engine (collect, announce liveness, prove, publish,
 * vote, finalize, verify) expressed on the {@link dev.granary.fsm} engine. It shows how a long-lived,
 * message-driven protocol maps onto the table DSL: timeouts and behaviors per state, global stop and
 * induce-sync, and provider ports ({@link dev.granary.examples.consensus.SyncProvider},
 * {@link dev.granary.examples.consensus.VotingProvider}, {@link dev.granary.examples.consensus.LeaderProvider},
 * {@link dev.granary.examples.consensus.LivenessProvider}) that keep the application out of the machine.
 * {@link dev.granary.examples.consensus.ConsensusNode} hosts one machine and gossips over the event bus.
 */
package dev.granary.examples.consensus;
