package dev.granary.cli;

import dev.granary.fsm.MachineDefinition;
import dev.granary.fsm.Mermaid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "fsm", mixinStandardHelpOptions = true, description = "State machine types: list them, print their diagrams.",
        subcommands = {FsmCommand.ListTypes.class, FsmCommand.Diagram.class})
public final class FsmCommand extends CommandGroup {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the registered machine types.")
    static final class ListTypes implements Runnable {
        @Override
        public void run() {
            MachineCatalog.types().forEach(type -> System.out.printf("%-20s %s%n", type, MachineCatalog.describe(type)));
        }
    }

    @Command(name = "diagram", mixinStandardHelpOptions = true,
            description = "Print a machine type's transition table as a Mermaid stateDiagram-v2.")
    static final class Diagram implements Callable<Integer> {
        @Parameters(paramLabel = "TYPE", description = "A type from `granary fsm list`.")
        String type;

        @Override
        public Integer call() {
            MachineDefinition<?, ?, ?> definition = MachineCatalog.definition(type);
            if (definition == null) {
                System.err.println("granary: no machine type '" + type + "'; known types: " + String.join(", ", MachineCatalog.types()));
                return ExitCodes.USAGE;
            }
            System.out.print(Mermaid.render(definition));
            return ExitCodes.OK;
        }
    }
}
