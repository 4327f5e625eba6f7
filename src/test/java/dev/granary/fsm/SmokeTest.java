package dev.granary.fsm;

import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SmokeTest {
    @Test
    void happyPath() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            var probe = new OrderMachine.Probe();
            var store = new InMemoryMachineStore();
            var group = MachineGroup.create(vertx, OrderMachine.definition(probe), store);
            group.create("o1", OrderMachine.State.NEW, OrderMachine.empty()).await(5, TimeUnit.SECONDS);
            group.send("o1", new OrderMachine.Pay(10)).await(5, TimeUnit.SECONDS);
            group.send("o1", new OrderMachine.PaymentConfirmed()).await(5, TimeUnit.SECONDS);
            var o = group.send("o1", new OrderMachine.Shipped("T1")).await(5, TimeUnit.SECONDS);
            System.out.println(o + " " + probe.entries + " " + group.find("o1").await() + " " + group.log("o1").await());
            System.out.println(Mermaid.render(group.definition()));
            assertEquals(OrderMachine.State.DONE, group.find("o1").await().orElseThrow().state());
        } finally {
            vertx.close().await();
        }
    }
}
