package dev.granary.chain;

import dev.granary.filecoin.Address;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Port records holding bytes compare their contents, so restarts and adapters can be checked with equals. */
class PortRecordsTest {
    @Test
    void receiptsCompareReturnBytes() {
        assertEquals(new MessageReceipt(0, new byte[] {1, 2}, 10), new MessageReceipt(0, new byte[] {1, 2}, 10));
        assertEquals(new MessageReceipt(0, new byte[] {1, 2}, 10).hashCode(),
                new MessageReceipt(0, new byte[] {1, 2}, 10).hashCode());
        assertNotEquals(new MessageReceipt(0, new byte[] {1, 2}, 10), new MessageReceipt(0, new byte[] {1, 3}, 10));
    }

    @Test
    void minerInfoComparesPeerIdAndMultiaddrBytes() {
        Address owner = Address.id(100);
        Address worker = Address.id(101);
        MinerInfo a = new MinerInfo(owner, worker, List.of(), Optional.of(new byte[] {9}), List.of(new byte[] {4, 5}),
                2048, 2);
        MinerInfo b = new MinerInfo(owner, worker, List.of(), Optional.of(new byte[] {9}), List.of(new byte[] {4, 5}),
                2048, 2);
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, new MinerInfo(owner, worker, List.of(), Optional.empty(), List.of(new byte[] {4, 5}), 2048, 2));
        assertNotEquals(a, new MinerInfo(owner, worker, List.of(), Optional.of(new byte[] {9}), List.of(new byte[] {4}),
                2048, 2));
    }
}
