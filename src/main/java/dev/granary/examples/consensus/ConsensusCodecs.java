package dev.granary.examples.consensus;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageCodec;

/**
 * Pass-through event-bus codecs for {@link ConsensusMessage} records: in-process nodes share the immutable
 * records themselves. This example never leaves the JVM, so the wire methods refuse.
 */
final class ConsensusCodecs {
    static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);
    private static final String REGISTERED = "granary.examples.consensus.codecs";

    private ConsensusCodecs() {
    }

    /** Idempotent per {@link Vertx}: every node of a test network calls it. */
    static void registerOnce(Vertx vertx) {
        if (vertx.sharedData().getLocalMap(REGISTERED).putIfAbsent(REGISTERED, Boolean.TRUE) != null) {
            return;
        }
        for (Class<?> kind : ConsensusMessage.class.getPermittedSubclasses()) {
            register(vertx, kind.asSubclass(Record.class));
        }
    }

    private static <T extends Record> void register(Vertx vertx, Class<T> type) {
        vertx.eventBus().registerDefaultCodec(type, new PassThrough<>(type));
    }

    private record PassThrough<T>(Class<T> type) implements MessageCodec<T, T> {
        @Override
        public void encodeToWire(Buffer buffer, T message) {
            throw new UnsupportedOperationException(type.getName() + " is local-only");
        }

        @Override
        public T decodeFromWire(int pos, Buffer buffer) {
            throw new UnsupportedOperationException(type.getName() + " is local-only");
        }

        @Override
        public T transform(T message) {
            return message;
        }

        @Override
        public String name() {
            return "granary.examples.consensus:" + type.getName();
        }

        @Override
        public byte systemCodecID() {
            return -1;
        }
    }
}
