package dev.granary.chain.lotus;

import dev.granary.chain.ChainEvent;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The head events published on the event bus, in arrival order, for a test thread to take one by one. */
final class HeadEvents {
    private final LinkedBlockingQueue<ChainEvent> events = new LinkedBlockingQueue<>();
    private MessageConsumer<ChainEvent> consumer;

    static HeadEvents listen(Vertx vertx) throws Exception {
        HeadEvents recorder = new HeadEvents();
        recorder.consumer = vertx.eventBus().localConsumer(ChainEvent.ADDRESS, m -> recorder.events.add(m.body()));
        recorder.consumer.completion().await(5, TimeUnit.SECONDS);
        return recorder;
    }

    ChainEvent next() throws InterruptedException {
        ChainEvent event = events.poll(10, TimeUnit.SECONDS);
        assertNotNull(event, "no head event arrived");
        return event;
    }
}
