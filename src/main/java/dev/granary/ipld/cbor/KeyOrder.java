package dev.granary.ipld.cbor;

import java.util.Arrays;

/**
 * Map key order for writing: shorter UTF-8 key first, equal lengths bytewise. cbor-gen emits map-encoded
 * structs this way (RFC 7049 canonical order) and dag-cbor requires it, so both agree with our bytes.
 */
final class KeyOrder {
    private KeyOrder() {
    }

    static int compare(byte[] a, byte[] b) {
        return a.length != b.length ? Integer.compare(a.length, b.length) : Arrays.compareUnsigned(a, b);
    }
}
