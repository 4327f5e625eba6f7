package dev.granary.cli;

import picocli.CommandLine.Command;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run benchmarks and print their numbers.",
        subcommands = {FsmBenchCommand.class, CommpBenchCommand.class, P2pBenchCommand.class})
public final class BenchCommand extends CommandGroup {
}
