package dev.granary.cli;

import dev.granary.node.RepoDir;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;

/**
 * The global {@code --repo} option, accepted before or after the command name: each command mixes it in, and
 * a command without its own value takes the nearest parent's ({@code granary --repo X run}).
 */
public final class RepoOption {
    @Option(names = "--repo", paramLabel = "DIR", description = "Repo directory (default: $GRANARY_REPO or ~/.granary).")
    Path repo;

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    public Path path() {
        for (CommandSpec command = mixee; command != null; command = command.parent()) {
            for (CommandSpec mixin : command.mixins().values()) {
                if (mixin.userObject() instanceof RepoOption option && option.repo != null) {
                    return option.repo;
                }
            }
        }
        return RepoDir.defaultRoot();
    }
}
