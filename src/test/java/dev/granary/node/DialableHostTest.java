package dev.granary.node;

import dev.granary.api.ApiConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DialableHostTest {
    @ParameterizedTest
    @CsvSource({"0.0.0.0,127.0.0.1", "::,[::1]", "127.0.0.1,127.0.0.1", "::1,[::1]", "node.example,node.example"})
    void wildcardBindAddressesAreWrittenAsLoopback(String bind, String dialable) {
        assertEquals(dialable, GranaryNode.dialableHost(new ApiConfig(bind, 3051, 1024)));
    }
}
