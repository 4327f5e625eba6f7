package dev.granary.cli;

import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Instant;

/** Client commands about the chain the running node follows, answered over JSON-RPC (Granary.ChainHead). */
@Command(name = "chain", mixinStandardHelpOptions = true, description = "Inspect the chain the node follows.",
        subcommands = ChainCommand.Head.class)
public final class ChainCommand extends CommandGroup {

    @Command(name = "head", mixinStandardHelpOptions = true, description = "Print the chain head the node sees.")
    static final class Head extends NodeCall {
        @Option(names = "--json", description = "Print {\"epoch\": N, \"tipset\": [CIDs], \"timestamp\": unix seconds}.")
        boolean json;

        @Override
        int run(NodeClient node, PrintWriter out) throws NodeClient.ClientException {
            JsonObject head = (JsonObject) node.call("Granary.ChainHead");
            if (json) {
                out.println(head.encode());
            } else {
                out.println("epoch " + head.getLong("epoch") + "  tipset " + String.join(",",
                        head.getJsonArray("tipset").stream().map(Object::toString).toList())
                        + "  time " + Instant.ofEpochSecond(head.getLong("timestamp")));
            }
            return ExitCodes.OK;
        }
    }
}
