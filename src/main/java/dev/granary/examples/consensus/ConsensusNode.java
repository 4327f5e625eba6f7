package dev.granary.examples.consensus;

import dev.granary.node.MessageCodecs;

import dev.granary.fsm.MachineGroup;
import dev.granary.fsm.MachineStore;
import dev.granary.fsm.Outcome;
import dev.granary.fsm.Snapshot;
import dev.granary.fsm.TransitionEvent;
import dev.granary.fsm.TransitionListener;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One consensus participant: a verticle hosting a single engine machine (id = the node's identity) and
 * gossiping with its peers over the event bus. Deploying it starts the engine.
 *
 * <p>A node can be made {@link #silent(boolean) silent}: it then drops what it would send and ignores what
 * it receives, while its machine keeps running, which is how tests take a node off the network.
 */
public final class ConsensusNode<S extends Unique, V extends Unique, C extends Unique> extends VerticleBase {
    private final String network;
    private final ConsensusSettings settings;
    private final S genesis;
    private final Function<Gossip, ConsensusProviders<S, V, C>> application;
    private final List<TransitionListener<ConsensusState, ConsensusEvent, RoundData>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<S>> finalizedListeners = new CopyOnWriteArrayList<>();
    private final List<MessageConsumer<ConsensusMessage>> consumers = new ArrayList<>();
    private volatile boolean silent;
    private MachineGroup<ConsensusState, ConsensusEvent, RoundData> group;

    /**
     * @param network     name shared by the nodes that talk to each other (part of the bus addresses)
     * @param application builds this node's providers around its outgoing {@link Gossip}
     */
    public ConsensusNode(String network, ConsensusSettings settings, S genesis,
                         Function<Gossip, ConsensusProviders<S, V, C>> application) {
        this.network = Objects.requireNonNull(network, "network");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.genesis = Objects.requireNonNull(genesis, "genesis");
        this.application = Objects.requireNonNull(application, "application");
    }

    @Override
    public Future<?> start() {
        MessageCodecs.registerFamily(vertx, ConsensusMessage.class);
        ConsensusProviders<S, V, C> providers = application.apply(new BusGossip());
        group = MachineGroup.create(vertx, ConsensusMachine.definition(settings, providers), MachineStore.none());
        group.listen(this::transitioned);
        List<Future<Void>> registered = new ArrayList<>();
        for (Class<?> kind : ConsensusMessage.class.getPermittedSubclasses()) {
            MessageConsumer<ConsensusMessage> consumer = vertx.eventBus().localConsumer(
                    ConsensusMessage.address(network, kind.asSubclass(ConsensusMessage.class)), message -> receive(message.body()));
            consumers.add(consumer);
            registered.add(consumer.completion());
        }
        return Future.all(registered)
                .compose(ready -> group.create(id(), ConsensusState.STOPPED, RoundData.genesis(genesis)))
                .compose(created -> group.send(id(), new ConsensusEvent.Start()));
    }

    @Override
    public Future<?> stop() {
        List<Future<Void>> closing = new ArrayList<>();
        consumers.forEach(consumer -> closing.add(consumer.unregister()));
        closing.add(group.close());
        return Future.all(closing);
    }

    public String id() {
        return settings.self();
    }

    /** Takes the node off the network (true) or back on (false); its machine keeps running either way. */
    public void silent(boolean silent) {
        this.silent = silent;
    }

    public boolean silent() {
        return silent;
    }

    /** Sends an event to this node's machine (Stop, InduceSync, ...). */
    public Future<Outcome> send(ConsensusEvent event) {
        return group.send(id(), event);
    }

    /** The machine as it is now; empty once it is gone (the group closed). */
    public Future<Optional<Snapshot<ConsensusState, RoundData>>> snapshot() {
        return group.find(id());
    }

    /** Told of every transition of this node's machine, on the node's context; register before deploying to see them all. */
    public void onTransition(TransitionListener<ConsensusState, ConsensusEvent, RoundData> listener) {
        listeners.add(listener);
    }

    /** Told of each state this node finalizes and verifies, in rank order, on the node's context. */
    public void onFinalized(Consumer<S> listener) {
        finalizedListeners.add(listener);
    }

    @SuppressWarnings("unchecked")
    private void transitioned(TransitionEvent<ConsensusState, ConsensusEvent, RoundData> transition) {
        listeners.forEach(listener -> listener.onTransition(transition));
        if (transition.event() instanceof ConsensusEvent.VerificationDone) {
            S finalized = (S) transition.data().activeState();
            finalizedListeners.forEach(listener -> listener.accept(finalized));
        }
    }

    private void receive(ConsensusMessage message) {
        if (silent || message.sender().equals(id())) {
            return;
        }
        group.send(id(), message.toEvent());
    }

    /** Outgoing messages; a silent node drops them. */
    private final class BusGossip implements Gossip {
        @Override
        public String self() {
            return id();
        }

        @Override
        public void liveness(Unique collected) {
            publish(new ConsensusMessage.Liveness(id(), collected));
        }

        @Override
        public void proposal(Unique proposal) {
            publish(new ConsensusMessage.Proposal(id(), proposal));
        }

        @Override
        public void vote(String proposer, Unique vote) {
            publish(new ConsensusMessage.Vote(id(), proposer, vote));
        }

        @Override
        public void confirmation(Unique finalized) {
            publish(new ConsensusMessage.Confirmation(id(), finalized));
        }

        private void publish(ConsensusMessage message) {
            if (!silent) {
                vertx.eventBus().publish(ConsensusMessage.address(network, message.getClass()), message, MessageCodecs.LOCAL);
            }
        }
    }
}
