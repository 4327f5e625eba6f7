package dev.granary.ipld.cbor;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;

/** The one Jackson CBOR factory behind {@link CborReader} and {@link CborWriter}. */
final class JacksonCbor {
    static final CBORFactory FACTORY = CBORFactory.builder()
            // Map keys come from the network; do not let them fill a symbol table shared by all parsers.
            .disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .enable(CBORGenerator.Feature.WRITE_MINIMAL_INTS)
            .disable(CBORGenerator.Feature.WRITE_TYPE_HEADER)
            .disable(CBORGenerator.Feature.STRINGREF)
            .build();

    private JacksonCbor() {
    }
}
