package dev.granary.ipld.cbor;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.cbor.CBORParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * The reader's position in the input: each item's header is checked on the raw bytes ({@link Headers}), then
 * Jackson's parser, kept in step, tokenizes it. Tracks open arrays and maps so that they close after their
 * last item and so that errors can say where they happened.
 */
final class Cursor {
    private final byte[] in;
    private final CBORParser parser;
    private final int maxDepth;
    /** Open arrays and maps, innermost first. */
    private final ArrayDeque<Frame> frames = new ArrayDeque<>();
    private int pos;
    private int lastItemStart;
    private boolean rootDone;
    /** Name of the struct that was the whole input, for errors found after it (trailing bytes). */
    private String rootType = "";

    interface ParserCall<T> {
        T call(CBORParser parser) throws IOException;
    }

    Cursor(byte[] in, int maxDepth) {
        this.in = in;
        this.maxDepth = maxDepth;
        try {
            this.parser = (CBORParser) JacksonCbor.FACTORY.createParser(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Jackson could not open a parser over a byte array", e);
        }
    }

    /** The next item's header, checked for everything that does not depend on what the codec asked for. */
    Item header() {
        Frame top = frames.peek();
        if (top == null ? rootDone : top.index >= top.count) {
            throw new IllegalStateException("codec read past the end of " + (top == null ? "the top-level item" : path(false)));
        }
        Item item;
        try {
            item = Headers.read(in, pos);
        } catch (Headers.Malformed e) {
            throw failAt(e.getMessage(), e.offset);
        }
        if (atKey() && item.type() != CborType.TEXT) {
            throw failAt("map key must be a text string, found " + item.type().description(), item.start());
        }
        return item;
    }

    Item expect(CborType type) {
        Item item = header();
        if (item.type() != type) {
            throw failAt("expected " + type.description() + ", found " + item.type().description(), item.start());
        }
        return item;
    }

    /** Whether the next item is a map key. */
    boolean atKey() {
        Frame top = frames.peek();
        return top != null && top.atKey();
    }

    /** Remembers the map key just read (before {@link #finish}) so that errors in its value can name it. */
    void keyRead(String key) {
        if (atKey()) {
            frames.peek().key = key;
        }
    }

    /** Refuses a string longer than {@code max} or than the input that is left, before anything is read. */
    void checkLength(Item item, int max, String what) {
        long length = item.argument();
        if (Long.compareUnsigned(length, max) > 0) {
            throw failAt(what + " of " + Long.toUnsignedString(length) + " bytes over the " + max + "-byte limit", item.start());
        }
        if (length > in.length - item.contentStart()) {
            throw failAt(what + " of " + length + " bytes declared but only " + (in.length - item.contentStart())
                    + " remain", item.start());
        }
    }

    /** Whether the string item's content in the input is exactly {@code bytes}. */
    boolean contentEquals(Item item, byte[] bytes) {
        return Arrays.equals(bytes, 0, bytes.length, in, item.contentStart(), item.end());
    }

    void token(Item item, JsonToken expected) {
        token(item, expected, null);
    }

    /**
     * Lets Jackson tokenize an item we have checked, and makes sure it saw the same item. {@code failure}:
     * what a Jackson exception means here, when it can only mean one thing.
     */
    void token(Item item, JsonToken expected, String failure) {
        JsonToken actual;
        try {
            actual = parser.nextToken();
        } catch (IOException | RuntimeException e) {
            throw failure != null ? failAt(failure, item.start(), e) : jacksonFailure(e, item.start());
        }
        long at = parser.currentTokenLocation().getByteOffset();
        if (actual != expected || at != item.start()) {
            throw failAt("tokenizer out of step (" + actual + " at byte " + at + ", expected " + expected + ")", item.start());
        }
    }

    /**
     * Asks Jackson for the current token's value. Jackson reports bad input as IOExceptions; a RuntimeException
     * would be a Jackson bug, but the promise to callers is one exception type for any input, so it is wrapped too.
     */
    <T> T value(Item item, ParserCall<T> call) {
        try {
            return call.call(parser);
        } catch (IOException | RuntimeException e) {
            throw jacksonFailure(e, item.start());
        }
    }

    /** Moves past a finished item and counts it in its container. */
    <T> T finish(Item item, T value) {
        pos = item.end();
        lastItemStart = item.start();
        completed();
        return value;
    }

    /**
     * Enters an array or map. {@code exactCount} ≥ 0 demands that size (tuples); {@code owned} frames are
     * closed by {@link #finishOwned} rather than as soon as their last item is read.
     */
    Frame open(CborType type, int maxEntries, int exactCount, String name, List<String> fields, boolean owned) {
        Item item = expect(type);
        long count = item.argument();
        String what = type == CborType.MAP ? "map of " + Long.toUnsignedString(count) + " entries"
                : "array of " + Long.toUnsignedString(count) + " items";
        if (exactCount >= 0 && count != exactCount) {
            throw failAt(name + " must be an array of " + exactCount + ", found an " + what, item.start());
        }
        if (Long.compareUnsigned(count, maxEntries) > 0) {
            throw failAt(what + " over the " + maxEntries + "-entry limit", item.start());
        }
        long items = type == CborType.MAP ? 2 * count : count;
        if (items > in.length - item.contentStart()) { // every item takes at least one byte
            throw failAt(what + " declared but only " + (in.length - item.contentStart()) + " bytes remain", item.start());
        }
        if (frames.size() >= maxDepth) {
            throw failAt("nested deeper than " + maxDepth + " levels", item.start());
        }
        token(item, type == CborType.MAP ? JsonToken.START_OBJECT : JsonToken.START_ARRAY);
        pos = item.contentStart();
        lastItemStart = item.start();
        Frame frame = new Frame(type == CborType.MAP, (int) items, name, fields, owned);
        frames.push(frame);
        if (items == 0 && !owned) {
            close(frame);
        }
        return frame;
    }

    /** Closes a frame opened for readTuple or readMapStruct once its codec is done with it. */
    void finishOwned(Frame frame) {
        if (frames.peek() != frame || frame.index != frame.count) {
            throw new IllegalStateException(frame.type + " codec read " + frame.index + " of its " + frame.count + " items");
        }
        close(frame);
    }

    /** Refuses anything after the top-level item and releases Jackson's buffers. */
    void end() {
        if (!frames.isEmpty()) {
            throw new IllegalStateException("codec left " + path(false) + " unfinished");
        }
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int trailing = in.length - pos;
        if (trailing != 0) {
            throw failAt(trailing + (trailing == 1 ? " trailing byte" : " trailing bytes") + " after the top-level item", pos);
        }
    }

    private void close(Frame frame) {
        JsonToken end;
        try {
            end = parser.nextToken();
        } catch (IOException | RuntimeException e) {
            throw jacksonFailure(e, pos);
        }
        if (end != (frame.map ? JsonToken.END_OBJECT : JsonToken.END_ARRAY)) {
            throw failAt("tokenizer out of step (" + end + " where the container ends)", pos);
        }
        frames.pop();
        if (frames.isEmpty() && frame.type != null) {
            rootType = frame.type;
        }
        completed();
    }

    private void completed() {
        Frame top = frames.peek();
        if (top == null) {
            rootDone = true;
            return;
        }
        top.index++;
        if (top.index == top.count && !top.owned) {
            close(top);
        }
    }

    private CborDecodeException jacksonFailure(Exception e, int offset) {
        String detail = e instanceof StreamReadException jackson ? jackson.getOriginalMessage() : e.toString();
        return failAt("malformed CBOR: " + detail, offset, e);
    }

    CborDecodeException failAt(String problem, int offset) {
        return failAt(problem, offset, null);
    }

    CborDecodeException failAt(String problem, int offset, Throwable cause) {
        return new CborDecodeException(path(false), problem, offset, cause);
    }

    /** About the item read last (a codec refusing a value it just read). */
    CborDecodeException failLastItem(String problem, Throwable cause) {
        return new CborDecodeException(path(true), problem, lastItemStart, cause);
    }

    /** Outermost to innermost; {@code lastItem} names the item just read rather than the one being read. */
    private String path(boolean lastItem) {
        if (frames.isEmpty()) {
            return rootType;
        }
        StringBuilder out = new StringBuilder();
        for (Iterator<Frame> it = frames.descendingIterator(); it.hasNext(); ) {
            Frame frame = it.next();
            String segment = frame.segment(lastItem && !it.hasNext() ? frame.index - 1 : frame.index);
            if (!out.isEmpty() && frame.type != null) {
                out.append(" > ");
            }
            out.append(segment);
        }
        return out.toString();
    }
}
