package dev.granary.p2p.mss;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class NegotiationTest {
    private static final List<String> GO_SECURITY = List.of("/tls/1.0.0", "/noise");

    @Test
    void goDialerGetsNaForTlsThenSelectsNoise() {
        for (boolean eager : new boolean[]{true, false}) {
            InMemoryNegotiation.Outcome outcome = InMemoryNegotiation.run(new DialerNegotiation(GO_SECURITY),
                    new ListenerNegotiation(List.of("/noise")), eager, List.of(1000));
            assertTrue(outcome.dialer().isSelected());
            assertTrue(outcome.listener().isSelected());
            assertEquals("/noise", outcome.dialer().protocol());
            assertEquals("/noise", outcome.listener().protocol());
        }
    }

    @Test
    void listenerAnswersExactlyWhatTheSpecShows() {
        ListenerNegotiation listener = new ListenerNegotiation(List.of("/noise"));
        NegotiationStep step = listener.onData(Multistream.encode(Multistream.HEADER).appendBuffer(Multistream.encode("/tls/1.0.0")));
        assertEquals(NegotiationStep.Status.CONTINUE, step.status());
        assertEquals(Multistream.encode(Multistream.HEADER).appendBuffer(Multistream.encode("na")), step.toSend());
        step = listener.onData(Multistream.encode("/noise").appendString("noise-bytes"));
        assertTrue(step.isSelected());
        assertEquals(Multistream.encode("/noise"), step.toSend());
        assertEquals("noise-bytes", step.leftover().toString());
        assertThrows(IllegalStateException.class, () -> listener.onData(Buffer.buffer("x")));
    }

    @Test
    void dataAfterTheFinalSelectBelongsToTheNextLayerOnBothSides() {
        InMemoryNegotiation.Outcome outcome = InMemoryNegotiation.run(new DialerNegotiation(List.of("/ipfs/ping/1.0.0")),
                new ListenerNegotiation(List.of("/ipfs/ping/1.0.0")), false,
                Buffer.buffer("ping-from-dialer"), true, Buffer.buffer("pong-from-listener"), List.of(7));
        assertEquals("ping-from-dialer", outcome.listenerApp().toString());
        assertEquals("pong-from-listener", outcome.dialerApp().toString());
    }

    @Test
    void noCommonProtocolFailsTheDialer() {
        InMemoryNegotiation.Outcome outcome = InMemoryNegotiation.run(new DialerNegotiation(GO_SECURITY),
                new ListenerNegotiation(List.of("/plaintext/2.0.0")), true, List.of(3));
        assertTrue(outcome.dialer().isFailed());
        assertTrue(outcome.dialer().failure().contains("none of"), outcome.dialer().failure());
    }

    @Test
    void garbageBeforeTheHeaderFailsEitherSide() {
        ListenerNegotiation listener = new ListenerNegotiation(List.of("/noise"));
        // 'G' reads as a 71-byte length; the request's 72nd byte is not the newline a message must end with
        NegotiationStep step = listener.onData(Buffer.buffer("GET / HTTP/1.1\r\nHost: example.com\r\nUser-Agent: curl\r\n"));
        assertEquals(NegotiationStep.Status.CONTINUE, step.status());
        step = listener.onData(Buffer.buffer("Accept: */*\r\nX-Padding: 1234567890\r\n\r\n"));
        assertTrue(step.isFailed(), String.valueOf(step));
        assertTrue(step.failure().contains("newline"), step.failure());
        ListenerNegotiation other = new ListenerNegotiation(List.of("/noise"));
        step = other.onData(Multistream.encode("/noise"));
        assertTrue(step.isFailed());
        assertTrue(step.failure().contains("does not speak"), step.failure());
        DialerNegotiation dialer = new DialerNegotiation(List.of("/noise"));
        dialer.start();
        assertTrue(dialer.onData(Multistream.encode("/multistream/2.0.0")).isFailed());
    }

    @Test
    void oversizedMessagesFailTheNegotiation() {
        Buffer huge = Buffer.buffer(new byte[]{(byte) 0x81, 0x08}).appendBytes(new byte[1025]);
        NegotiationStep step = new ListenerNegotiation(List.of("/noise")).onData(huge);
        assertTrue(step.isFailed());
        assertTrue(step.failure().contains("over the limit"), step.failure());
    }

    @Test
    void refusalsAreBounded() {
        ListenerNegotiation listener = new ListenerNegotiation(List.of("/noise"), 3, MultistreamDecoder.withDefaults());
        Buffer probes = Multistream.encode(Multistream.HEADER);
        for (int i = 0; i < 5; i++) {
            probes.appendBuffer(Multistream.encode("/probe/" + i));
        }
        NegotiationStep step = listener.onData(probes);
        assertTrue(step.isFailed());
        assertTrue(step.failure().contains("3 unsupported"), step.failure());
    }

    @Test
    void lsIsAnsweredWithNa() {
        ListenerNegotiation listener = new ListenerNegotiation(List.of("/noise"));
        listener.start();
        NegotiationStep step = listener.onData(Multistream.encode(Multistream.HEADER).appendBuffer(Multistream.encode("ls")));
        assertEquals(Multistream.encode("na"), step.toSend());
    }

    @Test
    void unexpectedAnswerFailsTheDialer() {
        DialerNegotiation dialer = new DialerNegotiation(List.of("/noise"));
        dialer.start();
        NegotiationStep step = dialer.onData(Multistream.encode(Multistream.HEADER).appendBuffer(Multistream.encode("/yamux/1.0.0")));
        assertTrue(step.isFailed());
        assertThrows(IllegalStateException.class, dialer::start);
    }

    @Test
    void everyTwoChunkSplitNegotiatesTheSame() {
        Buffer dialerBytes = new DialerNegotiation(GO_SECURITY).start()
                .appendBuffer(Multistream.encode("/noise")).appendString("after");
        for (int split = 0; split <= dialerBytes.length(); split++) {
            ListenerNegotiation listener = new ListenerNegotiation(List.of("/noise"));
            NegotiationStep first = listener.onData(dialerBytes.getBuffer(0, split));
            NegotiationStep end = first.isSelected() ? first : listener.onData(dialerBytes.getBuffer(split, dialerBytes.length()));
            assertTrue(end.isSelected(), "split " + split);
            String leftover = first.isSelected()
                    ? first.leftover().toString() + dialerBytes.getBuffer(split, dialerBytes.length())
                    : end.leftover().toString();
            assertEquals("after", leftover, "split " + split);
        }
    }

    @Test
    void invalidProtocolIdsAreRefusedUpFront() {
        assertThrows(IllegalArgumentException.class, () -> new DialerNegotiation(List.of()));
        assertThrows(MultistreamException.class, () -> new DialerNegotiation(List.of("/a\n/b")));
        assertThrows(MultistreamException.class, () -> new ListenerNegotiation(List.of("/" + "x".repeat(1100))));
    }
}
