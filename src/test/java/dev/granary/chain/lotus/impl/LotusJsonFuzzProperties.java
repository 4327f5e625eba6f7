package dev.granary.chain.lotus.impl;

import dev.granary.chain.ChainException;
import dev.granary.chain.lotus.LotusPolicy;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The JSON mappers and the JSON-RPC envelope reader get random JSON, damaged recordings and random text, and may
 * only return a value or fail with {@link ChainException.Kind#PROTOCOL}: never another exception, never another kind.
 */
class LotusJsonFuzzProperties {
    private static final int TRIES = 5_000;

    /** Each mapper as LotusChain applies it to a method's result. */
    private static final Map<String, Function<JsonValue, ?>> MAPPERS = Map.ofEntries(
            Map.entry("Filecoin.ChainHead", TipSetJson::head),
            Map.entry("Filecoin.StateGetNetworkParams", v -> NetworkJson.parameters(v, LotusPolicy.MAINNET)),
            Map.entry("Filecoin.StateAccountKey", JsonValue::address),
            Map.entry("Filecoin.StateLookupID", JsonValue::address),
            Map.entry("Filecoin.WalletBalance", JsonValue::tokenAmount),
            Map.entry("Filecoin.StateMarketBalance", MarketJson::balance),
            Map.entry("Filecoin.StateDealProviderCollateralBounds", MarketJson::collateralBounds),
            Map.entry("Filecoin.StateVerifiedClientStatus", v -> v.optional(JsonValue::bigInt)),
            Map.entry("Filecoin.StateMinerInfo", MinerJson::info),
            Map.entry("Filecoin.MpoolPushMessage", MessageJson::signedMessageCid),
            Map.entry("Filecoin.StateWaitMsg", MessageJson::lookup),
            Map.entry("Filecoin.StateSearchMsg", v -> v.optional(MessageJson::lookup)),
            Map.entry("Filecoin.StateMarketStorageDeal", MarketJson::deal),
            Map.entry("Filecoin.StateSectorPreCommitInfo", v -> v.optional(SectorJson::preCommit)),
            Map.entry("Filecoin.StateSectorGetInfo", v -> v.optional(info -> SectorJson.onChain(info, false))),
            Map.entry("Filecoin.StateMinerFaults", v -> MinerJson.bitfieldContains(v, 42)),
            Map.entry("Filecoin.StateSectorPartition", v -> v.optional(MinerJson::location)),
            Map.entry("Filecoin.StateGetRandomnessFromTickets", RandomnessJson::randomness),
            Map.entry("Filecoin.StateGetRandomnessFromBeacon", RandomnessJson::randomness),
            Map.entry("Filecoin.ChainNotify", TipSetJson::headChanges));

    /** Field names lotus uses, so random objects get past the first field lookups. */
    private static final List<String> FIELDS = List.of("Cids", "Blocks", "Height", "Timestamp", "/", "Type", "Val",
            "NetworkName", "BlockDelaySecs", "PreCommitChallengeDelay", "Escrow", "Locked", "Min", "Max", "Owner",
            "Worker", "ControlAddresses", "PeerId", "Multiaddrs", "SectorSize", "WindowPoStPartitionSectors", "CID",
            "Message", "Receipt", "ExitCode", "Return", "GasUsed", "TipSet", "Proposal", "State", "PieceCID",
            "PieceSize", "VerifiedDeal", "Client", "Provider", "Label", "StartEpoch", "EndEpoch", "StoragePricePerEpoch",
            "ProviderCollateral", "ClientCollateral", "SectorStartEpoch", "LastUpdatedEpoch", "SlashEpoch", "Info",
            "SealProof", "SectorNumber", "SealedCID", "SealRandEpoch", "DealIDs", "Expiration", "UnsealedCid",
            "PreCommitDeposit", "PreCommitEpoch", "Activation", "InitialPledge", "Deadline", "Partition");

    private static final Map<String, JsonObject> RECORDINGS = loadRecordings();

    @Property(tries = TRIES)
    void mappersReadRandomJsonOrRefuseIt(@ForAll("methods") String method, @ForAll("json") Object json) {
        Statistics.label("outcome").collect(assertMapsOrRefuses(method, json));
    }

    @Property(tries = TRIES)
    void mappersReadDamagedRecordingsOrRefuseThem(@ForAll("damagedResults") Damaged damaged) {
        Statistics.label("outcome").collect(assertMapsOrRefuses(damaged.method(), damaged.result()));
        Statistics.label("outcome").coverage(coverage -> {
            coverage.check("mapped").count(n -> n > 0);
            coverage.check("refused").count(n -> n > 0);
        });
    }

    /** The undamaged recordings map (all but the one recorded to be refused), so the table above is the right one. */
    @Example
    void everyRecordedResultMaps() {
        int mapped = 0;
        for (String method : MAPPERS.keySet()) {
            for (Object result : recordedResults(method)) {
                if (!"Bw==".equals(result)) {
                    MAPPERS.get(method).apply(JsonValue.result(method, result));
                    mapped++;
                }
            }
        }
        assertEquals(34, mapped, "results recorded in src/test/resources/chain/lotus");
    }

    /** A recorded result of {@code method} with one node replaced, removed or wrapped. */
    record Damaged(String method, Object result) {
    }

    private record Field(String name, Object value) {
    }

    @Property(tries = TRIES)
    void theEnvelopeReaderTakesAnyTextApart(@ForAll("responses") String text) {
        try {
            RpcReply.decode("Filecoin.Fuzz", 7, Buffer.buffer(text));
        } catch (ChainException e) {
            assertEquals(ChainException.Kind.PROTOCOL, e.kind(), e.getMessage());
        }
    }

    private static String assertMapsOrRefuses(String method, Object json) {
        try {
            MAPPERS.get(method).apply(JsonValue.result(method, json));
            return "mapped";
        } catch (ChainException e) {
            assertEquals(ChainException.Kind.PROTOCOL, e.kind(), e.getMessage());
            if (!e.getMessage().startsWith(method + ": unreadable result")) {
                throw new AssertionError("a refusal names the method and the field: " + e.getMessage());
            }
            return "refused";
        }
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of(List.copyOf(MAPPERS.keySet()));
    }

    @Provide
    Arbitrary<Object> json() {
        return json(4);
    }

    @Provide
    Arbitrary<Damaged> damagedResults() {
        return Arbitraries.of(List.copyOf(MAPPERS.keySet())).flatMap(method -> {
            List<Object> results = recordedResults(method);
            return Combinators.combine(Arbitraries.of(results), Arbitraries.integers().between(0, 10_000),
                            json(2), Arbitraries.integers().between(0, 2))
                    .as((result, at, replacement, mode) -> new Damaged(method, damage(result, at, replacement, mode)));
        });
    }

    @Provide
    Arbitrary<String> responses() {
        Arbitrary<String> random = Arbitraries.strings().ofMaxLength(200);
        Arbitrary<String> envelopes = Combinators.combine(json(2), json(2), Arbitraries.of(7L, 8L, -1L))
                .as((result, error, id) -> {
                    JsonObject envelope = new JsonObject().put("jsonrpc", "2.0").put("id", id).put("result", result);
                    return (error instanceof JsonObject ? envelope.put("error", error) : envelope).encode();
                });
        Arbitrary<String> cut = envelopes.flatMap(text -> Arbitraries.integers().between(0, text.length())
                .map(end -> text.substring(0, end)));
        Arbitrary<String> errors = Combinators.combine(json(1), json(1)).as((code, message) -> new JsonObject()
                .put("jsonrpc", "2.0").put("id", 7).put("error", new JsonObject().put("code", code).put("message", message)).encode());
        return Arbitraries.oneOf(random, envelopes, cut, errors);
    }

    private static Arbitrary<Object> json(int depth) {
        Arbitrary<Object> leaves = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.bigIntegers().between(BigInteger.TWO.pow(70).negate(), BigInteger.TWO.pow(70)).map(b -> (Object) b),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.of("0", "-1", "12345678901234567890", "f01000", "t01000", "f1abjxfbp274xpdqcpuaykwkfb43omjotacm2p3za",
                        "12D3KooWFBbSnAJeaBeXh2jhEGqiCjGDnsrahBEtTfXcagDsPwjZ", "AAAA", "current", "apply", "revert",
                        "baga6ea4seaqovlm3fyzu2bvj5g6ysgx7wol2jzgoas3h4klofoqrobt2wmizghq", "=", "\uD800").map(s -> (Object) s),
                Arbitraries.just(new JsonObject().put("/", "bafkqaaa")).map(o -> (Object) o.copy()),
                Arbitraries.just(new JsonArray()).map(a -> (Object) a.copy()),
                Arbitraries.just(0).map(zero -> (Object) null));
        if (depth == 0) {
            return leaves;
        }
        Arbitrary<Object> arrays = json(depth - 1).list().ofMaxSize(4).map(items -> (Object) new JsonArray(new ArrayList<>(items)));
        Arbitrary<Object> objects = Combinators.combine(Arbitraries.of(FIELDS), json(depth - 1)).as(Field::new).list().ofMaxSize(6)
                .map(entries -> {
                    JsonObject object = new JsonObject();
                    entries.forEach(e -> object.put(e.name(), e.value()));
                    return (Object) object;
                });
        return Arbitraries.frequencyOf(Tuple.of(3, leaves), Tuple.of(2, arrays),
                Tuple.of(3, objects));
    }

    /** A copy of {@code result} with the node at position {@code at} (pre-order) replaced, removed or wrapped. */
    private static Object damage(Object result, int at, Object replacement, int mode) {
        Object copy = deepCopy(result);
        List<Runnable> edits = new ArrayList<>();
        collectEdits(copy, replacement, mode, edits);
        if (edits.isEmpty()) {
            return replacement;
        }
        edits.get(at % edits.size()).run();
        return copy;
    }

    private static void collectEdits(Object node, Object replacement, int mode, List<Runnable> edits) {
        if (node instanceof JsonObject object) {
            for (String key : List.copyOf(object.fieldNames())) {
                Object child = object.getValue(key);
                edits.add(() -> {
                    switch (mode) {
                        case 0 -> object.put(key, replacement);
                        case 1 -> object.remove(key);
                        default -> object.put(key, new JsonArray().add(child));
                    }
                });
                collectEdits(child, replacement, mode, edits);
            }
        } else if (node instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                int index = i;
                Object child = array.getValue(i);
                edits.add(() -> {
                    switch (mode) {
                        case 0 -> array.set(index, replacement);
                        case 1 -> array.remove(index);
                        default -> array.add(child);
                    }
                });
                collectEdits(child, replacement, mode, edits);
            }
        }
    }

    private static Object deepCopy(Object value) {
        return switch (value) {
            case JsonObject object -> object.copy();
            case JsonArray array -> array.copy();
            case null, default -> value;
        };
    }

    private static List<Object> recordedResults(String method) {
        JsonObject replies = RECORDINGS.get(method).getJsonObject("replies");
        List<Object> results = new ArrayList<>();
        for (String name : replies.fieldNames()) {
            JsonObject reply = replies.getJsonObject(name);
            if (reply.containsKey("result")) {
                results.add(reply.getValue("result"));
            } else if (reply.containsKey("changes")) {
                results.add(reply.getValue("changes"));
            }
        }
        return results;
    }

    private static Map<String, JsonObject> loadRecordings() {
        Map<String, JsonObject> recordings = new HashMap<>();
        for (String method : MAPPERS.keySet()) {
            try (InputStream in = LotusJsonFuzzProperties.class.getResourceAsStream("/chain/lotus/" + method + ".json")) {
                recordings.put(method, new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return recordings;
    }
}
