package dev.granary.cli;

import sun.misc.Signal;

import java.util.function.Consumer;

/**
 * SIGTERM/SIGINT start a graceful stop instead of the JVM's default exit (which would report 143 and skip
 * closing the store in order). A second signal while stopping halts at once, for an operator who insists.
 */
final class TerminationSignals {
    private static volatile boolean received;

    private TerminationSignals() {
    }

    static void install(Consumer<String> onStop) {
        for (String name : new String[]{"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (received) {
                        Runtime.getRuntime().halt(128 + signal.getNumber());
                    }
                    received = true;
                    onStop.accept("SIG" + signal.getName());
                });
            } catch (IllegalArgumentException unsupported) {
                // the platform has no such signal (or the JVM reserves it); the default handling stays
            }
        }
    }
}
