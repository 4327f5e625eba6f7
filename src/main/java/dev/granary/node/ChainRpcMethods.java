package dev.granary.node;

import dev.granary.api.rpc.Permission;
import dev.granary.api.rpc.RpcCall;
import dev.granary.api.rpc.RpcMethod;
import dev.granary.chain.ChainApi;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** Chain methods any node answers, whichever adapter it runs. */
final class ChainRpcMethods {
    private final ChainApi chain;

    ChainRpcMethods(ChainApi chain) {
        this.chain = chain;
    }

    List<RpcMethod> all() {
        return List.of(new RpcMethod("Granary.ChainHead", Permission.READ, this::head));
    }

    /** params: []; returns {"epoch": N, "tipset": [block CIDs], "timestamp": unix seconds}. */
    private Future<JsonObject> head(JsonArray params, RpcCall call) {
        return chain.head().map(ChainJson::head);
    }
}
