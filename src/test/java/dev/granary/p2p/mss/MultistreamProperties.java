package dev.granary.p2p.mss;

import io.vertx.core.buffer.Buffer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MultistreamProperties {
    @Property(tries = 10_000)
    void decoderOnlyThrowsMultistreamException(@ForAll("chunks") List<byte[]> chunks) {
        MultistreamDecoder decoder = MultistreamDecoder.withDefaults();
        try {
            for (byte[] chunk : chunks) {
                for (String message : decoder.decode(Buffer.buffer(chunk))) {
                    assertTrue(message.indexOf('\n') < 0);
                }
            }
        } catch (MultistreamException expected) {
            assertEquals(MultistreamDecoder.State.BAD_MESSAGE, decoder.state());
        }
    }

    @Property(tries = 10_000)
    void listenerNeverThrowsOnArbitraryInput(@ForAll("chunks") List<byte[]> chunks) {
        ListenerNegotiation listener = new ListenerNegotiation(List.of("/noise"));
        for (byte[] chunk : chunks) {
            if (listener.onData(Buffer.buffer(chunk)).status() != NegotiationStep.Status.CONTINUE) {
                return;
            }
        }
    }

    @Property(tries = 10_000)
    void negotiationSurvivesAnyChunking(@ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 40) Integer> chunkSizes,
                                        @ForAll boolean eagerListenerHeader, @ForAll @Size(max = 40) byte[] dialerData,
                                        @ForAll @Size(max = 40) byte[] listenerData) {
        InMemoryNegotiation.Outcome outcome = InMemoryNegotiation.run(
                new DialerNegotiation(List.of("/tls/1.0.0", "/unknown/1", "/noise")),
                new ListenerNegotiation(List.of("/noise", "/yamux/1.0.0")), eagerListenerHeader,
                Buffer.buffer(dialerData), false, Buffer.buffer(listenerData), chunkSizes);
        assertEquals("/noise", outcome.dialer().protocol());
        assertEquals("/noise", outcome.listener().protocol());
        assertEquals(Buffer.buffer(dialerData), outcome.listenerApp());
        assertEquals(Buffer.buffer(listenerData), outcome.dialerApp());
    }

    @Property(tries = 10_000)
    void optimisticDataAfterAnAcceptedFirstProposalReachesTheListener(
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 40) Integer> chunkSizes,
            @ForAll boolean eagerListenerHeader, @ForAll @Size(max = 40) byte[] dialerData) {
        InMemoryNegotiation.Outcome outcome = InMemoryNegotiation.run(new DialerNegotiation(List.of("/ipfs/id/1.0.0")),
                new ListenerNegotiation(List.of("/ipfs/id/1.0.0")), eagerListenerHeader,
                Buffer.buffer(dialerData), true, Buffer.buffer(), chunkSizes);
        assertTrue(outcome.dialer().isSelected());
        assertEquals(Buffer.buffer(dialerData), outcome.listenerApp());
    }

    /** Random bytes mixed with well-formed messages, so the fuzzer also gets past the first length prefix. */
    @Provide
    Arbitrary<List<byte[]>> chunks() {
        Arbitrary<byte[]> wellFormed = Arbitraries.of(Multistream.HEADER, "/noise", "na", "ls", "/tls/1.0.0")
                .map(text -> Multistream.encode(text).getBytes());
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(64);
        return Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(1, random), net.jqwik.api.Tuple.of(2, wellFormed))
                .list().ofMaxSize(8);
    }
}
