package dev.granary.p2p.yamux;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How writes become Data frames: full frames at once, a short one only after the writer's turn, FIN last. */
class YamuxSendQueueTest {
    private static final int MAX_BODY = 1000;

    private final List<YamuxFrame> sent = new ArrayList<>();
    private final Queue<Runnable> laterTasks = new ArrayDeque<>();
    private final YamuxSendQueue queue = new YamuxSendQueue(3, MAX_BODY, 1 << 20, sent::add, laterTasks::add);

    @Test
    void writesLongerThanAFrameShareFullFramesAndTheTailWaitsForTheTurnToEnd() {
        List<Future<Void>> writes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            writes.add(queue.write(numbered(i * 1024, 1024)));
        }
        assertEquals(List.of(MAX_BODY, MAX_BODY, MAX_BODY), bodyLengths(), "3072 bytes: three full frames so far");
        assertEquals(1, laterTasks.size(), "the 72-byte rest waits for the end of the turn");
        assertTrue(writes.get(0).succeeded() && writes.get(1).succeeded());
        assertFalse(writes.get(2).isComplete(), "its last bytes are not handed over yet");

        runLaterTasks();
        assertEquals(List.of(MAX_BODY, MAX_BODY, MAX_BODY, 72), bodyLengths());
        assertTrue(writes.get(2).succeeded());
        assertEquals(numbered(0, 3072), joinedBodies(), "bytes in write order, frames spanning writes");
    }

    @Test
    void manySmallWritesInOneTurnTravelAsOneFrame() {
        for (int i = 0; i < 10; i++) {
            queue.write(numbered(i * 10, 10));
        }
        assertTrue(sent.isEmpty());
        runLaterTasks();
        assertEquals(List.of(100), bodyLengths());
        assertEquals(numbered(0, 100), joinedBodies());
    }

    @Test
    void queuedFinSendsTheShortFrameAtOnceAndFollowsIt() {
        queue.write(numbered(0, 1500));
        Future<Void> fin = queue.finish();
        assertEquals(List.of(MAX_BODY, 500, 0), bodyLengths());
        assertTrue(sent.get(2).has(YamuxFrame.FIN));
        assertTrue(fin.succeeded());
        runLaterTasks(); // nothing left for a later flush
        assertEquals(3, sent.size());
    }

    @Test
    void windowLimitedFramesGoOutShortWithoutWaiting() {
        queue.write(numbered(0, (int) YamuxConfig.BASE_WINDOW + 300));
        int full = (int) YamuxConfig.BASE_WINDOW / MAX_BODY;
        assertEquals(full + 1, sent.size(), "the window ends inside a frame; that short frame goes now");
        assertEquals(YamuxConfig.BASE_WINDOW % MAX_BODY, sent.get(full).body().length());
        assertEquals(0, queue.window());
        runLaterTasks();
        assertEquals(full + 1, sent.size(), "nothing more without window");

        queue.grow(300);
        runLaterTasks();
        assertEquals(300, sent.get(sent.size() - 1).body().length());
        assertEquals(numbered(0, (int) YamuxConfig.BASE_WINDOW + 300), joinedBodies());
    }

    @Test
    void withoutASchedulerEveryWriteGoesOutAtOnce() {
        YamuxSendQueue immediate = new YamuxSendQueue(3, MAX_BODY, 1 << 20, sent::add, Runnable::run);
        immediate.write(numbered(0, 1024));
        immediate.write(numbered(1024, 10));
        assertEquals(List.of(MAX_BODY, 24, 10), bodyLengths());
    }

    @Test
    void aSessionWithAFrameOutboundHandsOverFramesUnencodedAndDefersThroughItsScheduler() {
        List<YamuxFrame> frames = new ArrayList<>();
        YamuxSession session = YamuxSession.withFrameOutbound(YamuxSession.Role.CLIENT, YamuxConfig.defaults(),
                frames::add, stream -> { }).runLaterWith(laterTasks::add);
        YamuxStream stream = session.openStream().result();
        assertEquals(List.of(YamuxFrame.windowUpdate(1, YamuxFrame.SYN, 0)), frames);
        stream.write(Buffer.buffer("hello"));
        assertEquals(1, frames.size(), "five bytes wait for the end of the turn");
        runLaterTasks();
        assertEquals(YamuxFrameType.DATA, frames.get(1).type());
        assertEquals(Buffer.buffer("hello"), frames.get(1).body());
    }

    private void runLaterTasks() {
        Runnable task;
        while ((task = laterTasks.poll()) != null) {
            task.run();
        }
    }

    private List<Integer> bodyLengths() {
        return sent.stream().map(frame -> frame.body().length()).toList();
    }

    private Buffer joinedBodies() {
        Buffer all = Buffer.buffer();
        sent.forEach(frame -> all.appendBuffer(frame.body()));
        return all;
    }

    /** Bytes whose values follow their position in the whole transfer, so any reordering shows. */
    private static Buffer numbered(int from, int length) {
        Buffer buffer = Buffer.buffer(length);
        for (int i = 0; i < length; i++) {
            buffer.appendByte((byte) ((from + i) * 31 + ((from + i) >> 8)));
        }
        return buffer;
    }
}
