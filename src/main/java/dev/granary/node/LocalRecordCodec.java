package dev.granary.node;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * Hands a record to local consumers as the very same instance: records (with immutable components) are
 * safe to share between verticles, so serializing them in-process would only cost time.
 * Cluster mode will add real CBOR codecs; until then these messages must never leave the JVM.
 */
final class LocalRecordCodec<T extends Record> implements MessageCodec<T, T> {
    private final Class<T> type;

    LocalRecordCodec(Class<T> type) {
        this.type = type;
    }

    @Override
    public void encodeToWire(Buffer buffer, T message) {
        throw new UnsupportedOperationException(type.getName() + " is a local-only message; send it with localOnly delivery");
    }

    @Override
    public T decodeFromWire(int pos, Buffer buffer) {
        throw new UnsupportedOperationException(type.getName() + " is a local-only message");
    }

    @Override
    public T transform(T message) {
        return message;
    }

    @Override
    public String name() {
        return "granary.local:" + type.getName();
    }

    @Override
    public byte systemCodecID() {
        return -1;
    }
}
