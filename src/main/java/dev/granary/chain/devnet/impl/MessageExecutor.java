package dev.granary.chain.devnet.impl;

import dev.granary.chain.ExitCode;
import dev.granary.chain.MessageReceipt;
import dev.granary.chain.devnet.DevnetEconomics;
import dev.granary.filecoin.chain.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies one message the way the VM does: the sender's nonce advances whatever happens; the value moves and the
 * receiver's method runs, and if either fails every change but the nonce is undone and the receipt carries the exit
 * code. The failure's message and anything the method noted (skipped deals) are kept beside the receipt.
 */
final class MessageExecutor {
    private static final Logger log = LoggerFactory.getLogger(MessageExecutor.class);

    private final DevnetState state;
    private final Accounts accounts;
    private final Map<ActorKind, BuiltinActor> actors;
    private final FaultRules faults;

    MessageExecutor(DevnetState state, Accounts accounts, Map<ActorKind, BuiltinActor> actors, FaultRules faults) {
        this.state = state;
        this.accounts = accounts;
        this.actors = actors;
        this.faults = faults;
    }

    MessageRecord execute(MessageRecord pending, long epoch) {
        Message m = pending.signed().message();
        Optional<ActorState> found = accounts.resolve(m.from()).filter(a -> a.kind() == ActorKind.ACCOUNT);
        if (found.isEmpty()) {
            return finish(pending, epoch, ExitCode.SYS_ERR_SENDER_INVALID, 0, List.of("sender " + m.from() + " is not an account"));
        }
        ActorState sender = found.get();
        if (m.nonce() != sender.nonce()) {
            return finish(pending, epoch, ExitCode.SYS_ERR_SENDER_STATE_INVALID, 0,
                    List.of("nonce " + m.nonce() + " does not match the sender's " + sender.nonce()));
        }
        accounts.bumpNonce(sender.id());
        if (faults.takeOutOfGas(m)) {
            return finish(pending, epoch, ExitCode.SYS_ERR_OUT_OF_GAS, m.gasLimit(), List.of("injected: out of gas"));
        }
        long gas = DevnetEconomics.gasUsed(m.method());
        List<String> notes = new ArrayList<>();
        int mark = state.journal.mark();
        try {
            ActorState receiver = accounts.resolveOrCreate(m.to());
            accounts.transfer(sender.id(), receiver.id(), m.value());
            byte[] result = m.method() == 0 ? new byte[0]
                    : invoke(receiver, new Invocation(epoch, accounts.get(sender.id()), receiver.id(), m.method(),
                            m.params(), m.value(), notes));
            return pending.executed(epoch, new MessageReceipt(ExitCode.OK, result, gas), notes);
        } catch (ActorError e) {
            state.journal.rollbackTo(mark);
            notes.add(e.getMessage());
            return finish(pending, epoch, e.exitCode(), gas, notes);
        } catch (RuntimeException e) {
            // A devnet bug must not stop the chain: the message fails as an actor's illegal state would.
            log.error("devnet: executing {} failed unexpectedly", pending.cid(), e);
            state.journal.rollbackTo(mark);
            notes.add("devnet internal error: " + e);
            return finish(pending, epoch, ExitCode.ERR_ILLEGAL_STATE, gas, notes);
        }
    }

    private byte[] invoke(ActorState receiver, Invocation call) {
        BuiltinActor actor = actors.get(receiver.kind());
        if (actor == null) {
            throw new ActorError(ExitCode.ERR_UNHANDLED_MESSAGE,
                    receiver.kind().name().toLowerCase() + " actor " + receiver.idAddress() + " has no method " + call.method());
        }
        return actor.invoke(call);
    }

    private static MessageRecord finish(MessageRecord pending, long epoch, long exitCode, long gas, List<String> notes) {
        return pending.executed(epoch, new MessageReceipt(exitCode, new byte[0], gas), notes);
    }
}
