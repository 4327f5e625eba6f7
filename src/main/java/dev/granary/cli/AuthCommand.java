package dev.granary.cli;

import dev.granary.api.rpc.JwtTokens;
import dev.granary.api.rpc.Permission;
import dev.granary.node.RepoDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.util.concurrent.Callable;

@Command(name = "auth", mixinStandardHelpOptions = true, description = "Manage API tokens.",
        subcommands = AuthCommand.CreateToken.class)
public final class AuthCommand extends CommandGroup {

    /** Signs with the repo's secret, like lotus-miner: works whether or not the node is running. */
    @Command(name = "create-token", mixinStandardHelpOptions = true,
            description = "Print a new API token signed with the repo's secret.")
    static final class CreateToken implements Callable<Integer> {
        @Mixin
        RepoOption repo;

        @Option(names = "--perm", required = true, paramLabel = "PERM",
                description = "Permission: read, write, sign or admin (each includes the ones before it).")
        String perm;

        @Override
        public Integer call() throws IOException {
            Permission permission;
            try {
                permission = Permission.parse(perm);
            } catch (IllegalArgumentException e) {
                System.err.println("granary: " + e.getMessage());
                return ExitCodes.USAGE;
            }
            byte[] secret = RepoDir.loadOrCreateJwtSecret(repo.path());
            System.out.println(new JwtTokens(secret).create(permission));
            return ExitCodes.OK;
        }
    }
}
