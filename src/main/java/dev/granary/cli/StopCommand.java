package dev.granary.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

@Command(name = "stop", mixinStandardHelpOptions = true, description = "Ask the running node to shut down cleanly.")
public final class StopCommand implements Callable<Integer> {
    @Mixin
    RepoOption repo;

    @Override
    public Integer call() {
        try {
            NodeClient.fromRepo(repo.path()).call("Granary.Shutdown");
            System.out.println("granary: shutdown requested");
            return ExitCodes.OK;
        } catch (NodeClient.ClientException e) {
            System.err.println("granary: " + e.getMessage());
            return ExitCodes.FAILED;
        }
    }
}
