package dev.granary.chain.devnet.impl;

import dev.granary.chain.ExitCode;
import dev.granary.chain.actor.BitField;
import dev.granary.chain.actor.DeclareFaultsParams;
import dev.granary.chain.actor.DeclareFaultsRecoveredParams;
import dev.granary.chain.actor.FaultDeclaration;
import dev.granary.chain.actor.MinerMethod;
import dev.granary.chain.actor.RecoveryDeclaration;
import dev.granary.chain.actor.TerminateSectorsParams;
import dev.granary.chain.actor.TerminateSectorsReturn;
import dev.granary.chain.actor.TerminationDeclaration;
import dev.granary.ipld.cbor.Cbor;

import java.util.ArrayList;
import java.util.List;

/**
 * The storage miner actor (f01000): pre-commit, prove-commit, faults, recoveries and terminations. Sectors sit in
 * deadline {@code sectorNumber mod 48}, partition 0 (what {@code sectorLocation} reports); declarations must name
 * that place. The devnet has no Window PoSt: a declared fault stays until a recovery is declared, which takes effect
 * at once, and neither costs anything.
 */
final class MinerActor implements BuiltinActor {
    private final DevnetState state;
    private final PreCommits preCommits;
    private final ProveCommits proveCommits;
    private final DealLifecycle deals;

    MinerActor(DevnetState state, PreCommits preCommits, ProveCommits proveCommits, DealLifecycle deals) {
        this.state = state;
        this.preCommits = preCommits;
        this.proveCommits = proveCommits;
        this.deals = deals;
    }

    @Override
    public byte[] invoke(Invocation call) {
        long method = call.method();
        if (method == MinerMethod.PRE_COMMIT_SECTOR_BATCH2) {
            preCommits.preCommit(call);
            return new byte[0];
        }
        if (method == MinerMethod.PROVE_COMMIT_SECTORS3) {
            return proveCommits.proveCommitSectors3(call);
        }
        if (method == MinerMethod.PROVE_COMMIT_AGGREGATE) {
            proveCommits.proveCommitAggregate(call);
            return new byte[0];
        }
        if (method == MinerMethod.DECLARE_FAULTS) {
            requireControlling(state, call);
            for (FaultDeclaration fault : call.params(DeclareFaultsParams.CODEC, "DeclareFaultsParams").faults()) {
                for (SectorRecord sector : live(fault.deadline(), fault.partition(), fault.sectors())) {
                    state.sectors.put(sector.number(), sector.withFaulty(true));
                }
            }
            return new byte[0];
        }
        if (method == MinerMethod.DECLARE_FAULTS_RECOVERED) {
            requireControlling(state, call);
            for (RecoveryDeclaration recovery : call.params(DeclareFaultsRecoveredParams.CODEC,
                    "DeclareFaultsRecoveredParams").recoveries()) {
                for (SectorRecord sector : live(recovery.deadline(), recovery.partition(), recovery.sectors())) {
                    if (sector.faulty()) {
                        state.sectors.put(sector.number(), sector.withFaulty(false));
                    }
                }
            }
            return new byte[0];
        }
        if (method == MinerMethod.TERMINATE_SECTORS) {
            requireControlling(state, call);
            for (TerminationDeclaration termination : call.params(TerminateSectorsParams.CODEC, "TerminateSectorsParams")
                    .terminations()) {
                for (SectorRecord sector : live(termination.deadline(), termination.partition(), termination.sectors())) {
                    state.sectors.put(sector.number(), sector.ended(SectorRecord.Status.TERMINATED, call.epoch()));
                    deals.slash(sector.dealIds(), call.epoch());
                }
            }
            return Cbor.encode(TerminateSectorsReturn.CODEC, new TerminateSectorsReturn(true));
        }
        throw new ActorError(ExitCode.ERR_UNHANDLED_MESSAGE, "miner actor has no method " + method);
    }

    /** The owner, worker or a control address must send the miner's messages (validate_immediate_caller_is). */
    static void requireControlling(DevnetState state, Invocation call) {
        if (!state.miner().isControlling(call.caller().idAddress())) {
            throw ActorError.forbidden("caller " + call.caller().idAddress() + " is not one of the miner's owner, worker"
                    + " or control addresses");
        }
    }

    /** The active sectors a declaration names, each required to be live at that deadline and partition. */
    private List<SectorRecord> live(long deadline, long partition, BitField numbers) {
        if (deadline < 0 || deadline >= DevnetQueries.DEADLINES) {
            throw ActorError.illegalArgument("invalid deadline " + Long.toUnsignedString(deadline));
        }
        List<SectorRecord> sectors = new ArrayList<>();
        for (long number : numbers.values()) {
            var location = DevnetQueries.location(number);
            SectorRecord sector = state.sectors.get(number).filter(s -> s.status() == SectorRecord.Status.ACTIVE)
                    .orElseThrow(() -> ActorError.notFound("sector " + number + " is not a live sector of this miner"));
            if (location.deadline() != deadline || location.partition() != partition) {
                throw ActorError.illegalArgument("sector " + number + " is in deadline " + location.deadline()
                        + " partition " + location.partition() + ", not deadline " + deadline + " partition " + partition);
            }
            sectors.add(sector);
        }
        return sectors;
    }
}
