package dev.granary.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * What every command that asks the running node shares: the repo (whose api file and token say where and how),
 * the output streams, and turning failures into exit codes: a {@link UsageException} is the operator's typo (exit 2),
 * a {@link NodeClient.ClientException} a node that could not answer (exit 1).
 */
abstract class NodeCall implements Callable<Integer> {
    @Mixin
    RepoOption repo;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            checkArguments();
            return run(NodeClient.fromRepo(repo.path()), out);
        } catch (UsageException e) {
            spec.commandLine().getErr().println("granary: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (NodeClient.ClientException e) {
            spec.commandLine().getErr().println("granary: " + e.getMessage());
            return ExitCodes.FAILED;
        } finally {
            out.flush();
        }
    }

    /** Refuses bad arguments before the node is looked for, so a typo is a usage error even with no node running. */
    void checkArguments() throws UsageException {
    }

    abstract int run(NodeClient node, PrintWriter out) throws NodeClient.ClientException, UsageException;

    /** Arguments the command refuses before asking the node. */
    static final class UsageException extends Exception {
        UsageException(String message) {
            super(message);
        }
    }
}
