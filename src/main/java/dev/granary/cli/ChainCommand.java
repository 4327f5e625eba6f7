package dev.granary.cli;

import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;

/** Client commands about the chain the running node follows, answered over JSON-RPC (Granary.ChainHead). */
@Command(name = "chain", mixinStandardHelpOptions = true, description = "Inspect the chain the node follows.",
        subcommands = ChainCommand.Head.class)
public final class ChainCommand extends CommandGroup {

    @Command(name = "head", mixinStandardHelpOptions = true, description = "Print the chain head the node sees.")
    static final class Head implements Callable<Integer> {
        @Mixin
        RepoOption repo;

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print {\"epoch\": N, \"tipset\": [CIDs], \"timestamp\": unix seconds}.")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                JsonObject head = (JsonObject) NodeClient.fromRepo(repo.path()).call("Granary.ChainHead");
                if (json) {
                    out.println(head.encode());
                } else {
                    out.println("epoch " + head.getLong("epoch") + "  tipset " + String.join(",",
                            head.getJsonArray("tipset").stream().map(Object::toString).toList())
                            + "  time " + Instant.ofEpochSecond(head.getLong("timestamp")));
                }
                out.flush();
                return ExitCodes.OK;
            } catch (NodeClient.ClientException e) {
                spec.commandLine().getErr().println("granary: " + e.getMessage());
                return ExitCodes.FAILED;
            }
        }
    }
}
