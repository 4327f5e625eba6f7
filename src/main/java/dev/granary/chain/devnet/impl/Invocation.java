package dev.granary.chain.devnet.impl;

import dev.granary.filecoin.TokenAmount;
import dev.granary.ipld.cbor.Cbor;
import dev.granary.ipld.cbor.CborCodec;

import java.util.List;

/**
 * One actor method call: who called (already charged the value, which the receiver already holds), at which epoch,
 * and a place for notes a batch method leaves about the items it skipped.
 */
record Invocation(long epoch, ActorState caller, long receiverId, long method, byte[] params, TokenAmount value,
                  List<String> notes) {

    /** The params as {@code codec} reads them; bytes that do not decode fail the message with ErrSerialization. */
    <T> T params(CborCodec<T> codec, String type) {
        try {
            return Cbor.decode(codec, params);
        } catch (IllegalArgumentException e) {
            throw ActorError.serialization("failed to decode " + type + ": " + e.getMessage());
        }
    }

    void note(String text) {
        notes.add(text);
    }
}
