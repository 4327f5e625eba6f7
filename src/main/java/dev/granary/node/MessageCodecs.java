package dev.granary.node;

import dev.granary.chain.ChainEvent;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * Registers the pass-through codec for every event-bus message record, once per {@link Vertx}.
 * Message families are sealed interfaces; their records are found through the permitted subclasses,
 * so adding a record to a family needs no registration code.
 */
public final class MessageCodecs {
    /** Roots of every message family Granary sends; each later subsystem adds its sealed interface here. */
    static final List<Class<?>> FAMILIES = List.of(NodeMessage.class, ChainEvent.class);

    /** Delivery for in-process records: skips the cluster registry lookup and never reaches the wire. */
    public static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);

    private static final String REGISTERED_FLAG = "granary.codecs.registered";

    private MessageCodecs() {
    }

    public static void registerOnce(Vertx vertx) {
        for (Class<?> family : FAMILIES) {
            registerFamily(vertx, family);
        }
    }

    /**
     * Registers one sealed family of records (an embedding application's, or an example's), once per
     * {@link Vertx} however often it is called.
     */
    public static void registerFamily(Vertx vertx, Class<?> family) {
        var flags = vertx.sharedData().<String, Boolean>getLocalMap("granary.node");
        if (flags.putIfAbsent(REGISTERED_FLAG + ":" + family.getName(), Boolean.TRUE) != null) {
            return;
        }
        for (Class<? extends Record> record : records(family)) {
            register(vertx, record);
        }
    }

    private static <T extends Record> void register(Vertx vertx, Class<T> type) {
        vertx.eventBus().registerDefaultCodec(type, new LocalRecordCodec<>(type));
    }

    static List<Class<? extends Record>> records(Class<?> family) {
        List<Class<? extends Record>> found = new ArrayList<>();
        collect(family, found);
        return found;
    }

    private static void collect(Class<?> type, List<Class<? extends Record>> found) {
        if (type.isRecord()) {
            found.add(type.asSubclass(Record.class));
        } else if (type.isSealed()) {
            for (Class<?> sub : type.getPermittedSubclasses()) {
                collect(sub, found);
            }
        } else {
            throw new IllegalStateException(type.getName() + " is neither a record nor a sealed message family");
        }
    }
}
