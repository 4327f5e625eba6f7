package dev.granary.fsm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/** How a machine's data record is written to the store: JSON by default, readable in the database. */
public interface DataCodec<D> {
    String encode(D data);

    D decode(String text);

    static <D> DataCodec<D> json(Class<D> type) {
        ObjectMapper mapper = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        return new DataCodec<>() {
            @Override
            public String encode(D data) {
                try {
                    return mapper.writeValueAsString(data);
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("cannot encode " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
                }
            }

            @Override
            public D decode(String text) {
                try {
                    return mapper.readValue(text, type);
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException("cannot decode " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
                }
            }
        };
    }
}
