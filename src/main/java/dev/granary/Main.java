package dev.granary;

import dev.granary.cli.AuthCommand;
import dev.granary.cli.BenchCommand;
import dev.granary.cli.ChainCommand;
import dev.granary.cli.DevnetCommand;
import dev.granary.cli.FsmCommand;
import dev.granary.cli.NetCommand;
import dev.granary.cli.PieceCommand;
import dev.granary.cli.RepoOption;
import dev.granary.cli.RunCommand;
import dev.granary.cli.StopCommand;
import dev.granary.cli.VersionCommand;
import dev.granary.node.BuildInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code granary} command: a node ({@code run}) and the client commands that talk to it. */
@Command(name = "granary",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Filecoin storage provider server.",
        subcommands = {RunCommand.class, StopCommand.class, AuthCommand.class, FsmCommand.class, BenchCommand.class,
                PieceCommand.class, NetCommand.class, ChainCommand.class, DevnetCommand.class, VersionCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Mixin
    RepoOption repo;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (see granary --help)");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"granary " + BuildInfo.version()};
        }
    }
}
