package dev.granary.chain.devnet.impl;

import dev.granary.chain.ChainException;
import dev.granary.chain.MessageRequest;
import dev.granary.chain.devnet.DevnetEconomics;
import dev.granary.filecoin.Address;
import dev.granary.filecoin.Signature;
import dev.granary.filecoin.TokenAmount;
import dev.granary.filecoin.Wallet;
import dev.granary.filecoin.chain.Message;
import dev.granary.filecoin.chain.SignedMessage;
import dev.granary.ipld.Cid;
import io.vertx.core.Future;

import java.io.IOException;
import java.util.Optional;

/**
 * The devnet's MpoolPushMessage: the sender must be an account whose key is in this node's wallet; the nonce and gas
 * are chosen here, the message is signed with the wallet and stored before its CID is returned.
 */
final class PushHandler {
    private final DevnetRuntime runtime;
    private final Wallet wallet;
    private final DevnetRepository repository;

    PushHandler(DevnetRuntime runtime, Wallet wallet, DevnetRepository repository) {
        this.runtime = runtime;
        this.wallet = wallet;
        this.repository = repository;
    }

    Future<Cid> push(MessageRequest request, long headEpoch) {
        Optional<String> injected = runtime.faults.takeRejection(request);
        if (injected.isPresent()) {
            return refuse("mpool refused the message: " + injected.get());
        }
        Optional<ActorState> found = runtime.accounts.resolve(request.from());
        if (found.isEmpty()) {
            return refuse("sender " + request.from() + " has no actor on chain (fund it first)");
        }
        ActorState sender = found.get();
        if (sender.keyAddress() == null) {
            return refuse("sender " + request.from() + " is not an account and cannot sign");
        }
        Address key = sender.keyAddress();
        if (!wallet.has(key)) {
            return refuse("sender " + key + " is not a key in this node's wallet");
        }
        TokenAmount needed = runtime.pool.pendingValue(sender).add(request.value());
        if (sender.balance().compareTo(needed) < 0) {
            return refuse("not enough funds: " + key + " has " + sender.balance().toFilString()
                    + ", its pending messages and this one send " + needed.toFilString());
        }
        Message message = new Message(0, request.to(), request.from(), runtime.pool.nextNonce(sender), request.value(),
                DevnetEconomics.gasLimit(request.method()), TokenAmount.ZERO, TokenAmount.ZERO, request.method(),
                request.params());
        if (message.cbor().length > Message.MAX_BYTES) {
            return refuse("message is " + message.cbor().length + " bytes, over the " + Message.MAX_BYTES + "-byte limit");
        }
        Signature signature;
        try {
            signature = wallet.sign(key, message.signingBytes());
        } catch (IOException e) {
            return refuse("cannot sign with " + key + ": " + e.getMessage());
        }
        MessageRecord record = MessageRecord.pending(new SignedMessage(message, signature), headEpoch);
        runtime.state.messages.putUntracked(record.cid(), record);
        return repository.write(ChangeSet.message(record)).transform(stored -> {
            if (stored.failed()) {
                runtime.state.messages.removeUntracked(record.cid());
                return Future.failedFuture(stored.cause());
            }
            return Future.succeededFuture(record.cid());
        });
    }

    private static Future<Cid> refuse(String reason) {
        return Future.failedFuture(new ChainException(ChainException.Kind.REJECTED, reason));
    }
}
