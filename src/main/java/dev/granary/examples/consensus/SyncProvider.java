package dev.granary.examples.consensus;

import io.vertx.core.Future;

/**
 * Brings this node's state up to date with the network. Failures are taken as transient: the engine waits
 * and tries again. An application that syncs some other way returns {@code existing} unchanged.
 */
@FunctionalInterface
public interface SyncProvider<S extends Unique> {
    /** The newest state this node can build on; {@code existing} is its current active state. */
    Future<S> synchronize(S existing);
}
