package dev.granary.chain.lotus.impl;

import dev.granary.chain.MessageLookup;
import dev.granary.chain.MessageReceipt;
import dev.granary.chain.MessageRequest;
import dev.granary.ipld.Cid;
import io.vertx.core.json.JsonObject;

import java.util.Base64;

/** Messages to push ({@code types.Message}), the signed message lotus returns, and message lookups. */
public final class MessageJson {
    /** A receipt's return value; PublishStorageDeals' return for a big batch is a few KiB. */
    static final int MAX_RETURN_BYTES = 4 << 20;

    private MessageJson() {
    }

    /**
     * The message as {@code MpoolPushMessage} wants it: nonce and gas zero, so that the node assigns the nonce and
     * estimates gas itself (it refuses a non-zero nonce).
     */
    public static JsonObject message(MessageRequest request) {
        return new JsonObject()
                .put("Version", 0)
                .put("To", request.to().toString())
                .put("From", request.from().toString())
                .put("Nonce", 0)
                .put("Value", request.value().attoFil().toString())
                .put("GasLimit", 0)
                .put("GasFeeCap", "0")
                .put("GasPremium", "0")
                .put("Method", request.method())
                .put("Params", Base64.getEncoder().encodeToString(request.params()));
    }

    /** {@code api.MessageSendSpec}: only MaxFee; zero lets the node apply its configured default cap. */
    public static JsonObject sendSpec(MessageRequest request) {
        return new JsonObject().put("MaxFee", request.maxFee().attoFil().toString());
    }

    /** The CID of the {@code types.SignedMessage} MpoolPushMessage returns: the CID to wait for. */
    public static Cid signedMessageCid(JsonValue signedMessage) {
        return signedMessage.field("CID").cid();
    }

    /** {@code api.MsgLookup}; {@code ReturnDec} is lotus' own decoding and ignored. */
    public static MessageLookup lookup(JsonValue lookup) {
        if (lookup.isNull()) {
            throw lookup.fail("expected a message lookup, got null");
        }
        Cid message = lookup.field("Message").cid();
        MessageReceipt receipt = receipt(lookup.field("Receipt"));
        var tipSet = TipSetJson.key(lookup.field("TipSet"));
        long height = lookup.field("Height").int64();
        return lookup.build(() -> new MessageLookup(message, receipt, tipSet, height));
    }

    public static MessageReceipt receipt(JsonValue receipt) {
        long exitCode = receipt.field("ExitCode").int64();
        byte[] returnValue = receipt.field("Return").bytes(MAX_RETURN_BYTES);
        long gasUsed = receipt.field("GasUsed").int64();
        return new MessageReceipt(exitCode, returnValue, gasUsed);
    }

    public static JsonObject cid(Cid cid) {
        return new JsonObject().put("/", cid.toString());
    }
}
