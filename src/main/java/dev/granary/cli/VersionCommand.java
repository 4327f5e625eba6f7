package dev.granary.cli;

import dev.granary.node.BuildInfo;
import io.vertx.core.json.JsonObject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "version", mixinStandardHelpOptions = true, description = "Print the Granary version.")
public final class VersionCommand implements Runnable {
    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public void run() {
        if (json) {
            System.out.println(new JsonObject().put("version", BuildInfo.version()).put("apiVersion", BuildInfo.API_VERSION).encode());
        } else {
            System.out.println("granary " + BuildInfo.version() + " (api " + BuildInfo.API_VERSION + ")");
        }
    }
}
