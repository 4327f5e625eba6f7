package dev.granary.ipld.cbor;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes {@link CborValue}s through the public reader and writer: the generic decoder entry point. */
final class CborValueCodec implements CborCodec<CborValue> {
    static final CborValueCodec INSTANCE = new CborValueCodec();

    @Override
    public void write(CborWriter w, CborValue value) {
        switch (value) {
            case CborValue.Int i -> w.writeInteger(i.value());
            case CborValue.Bytes b -> w.writeBytes(b.value());
            case CborValue.Text t -> w.writeText(t.value());
            case CborValue.Array a -> w.writeArray(a.items(), this::write);
            case CborValue.MapValue m -> {
                List<String> keys = new ArrayList<>(m.entries().keySet());
                keys.sort((x, y) -> KeyOrder.compare(x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8)));
                w.writeMapHeader(keys.size());
                keys.forEach(key -> write(w.writeText(key), m.entries().get(key)));
            }
            case CborValue.Link l -> w.writeCid(l.cid());
            case CborValue.BigInt b -> w.writeBigInt(b.value());
            case CborValue.Bool b -> w.writeBool(b.value());
            case CborValue.Null n -> w.writeNull();
        }
    }

    @Override
    public CborValue read(CborReader r) {
        return switch (r.peekType()) {
            case UNSIGNED, NEGATIVE -> new CborValue.Int(r.readInteger());
            case BYTES -> new CborValue.Bytes(r.readBytes());
            case TEXT -> new CborValue.Text(r.readText());
            case ARRAY -> new CborValue.Array(r.readArray(this::read));
            case MAP -> readMap(r);
            case CID -> new CborValue.Link(r.readCid());
            case BOOL -> new CborValue.Bool(r.readBool());
            case NULL -> {
                r.readNull();
                yield new CborValue.Null();
            }
            case FLOAT -> throw r.fail("this model has no floats");
        };
    }

    private CborValue readMap(CborReader r) {
        int size = r.readMapHeader();
        Map<String, CborValue> entries = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            String key = r.readText();
            if (entries.containsKey(key)) {
                throw r.fail("duplicate map key");
            }
            entries.put(key, read(r));
        }
        return new CborValue.MapValue(entries);
    }
}
