package dev.granary.node.config;


import dev.granary.node.config.ValueParser.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ValueParsersTest {

    @Test
    void hostPortAcceptsNamesIpv4AndBracketedIpv6() {
        assertEquals(new HostPort("localhost", 3051), ValueParsers.hostPort("localhost:3051"));
        assertEquals(new HostPort("node-1.example.com", 65535), ValueParsers.hostPort("node-1.example.com:65535"));
        assertEquals(new HostPort("0.0.0.0", 0), ValueParsers.hostPort("0.0.0.0:0"));
        assertEquals(new HostPort("2001:db8::1", 80), ValueParsers.hostPort("[2001:db8::1]:80"));
        assertEquals(new HostPort("::ffff:1.2.3.4", 80), ValueParsers.hostPort("[::ffff:1.2.3.4]:80"));
    }

    @Test
    void hostPortPrintsIpv6BackInBrackets() {
        assertEquals("[::1]:3051", new HostPort("::1", 3051).toString());
        assertEquals("127.0.0.1:3051", new HostPort("127.0.0.1", 3051).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "3051", ":3051", "host:", "host:-1", "host:+1", "host:１２", "[::1]", "[::1]3051",
            "[]:1", "[example.com]:1", "a..b:1", "-a:1", "a-:1", "1.2.3:1", "1.2.3.4.5:1", "exa mple:1", "ünï:1"})
    void hostPortRejects(String text) {
        assertThrows(InvalidValueException.class, () -> ValueParsers.hostPort(text));
    }

    @Test
    void byteSizeUnderstandsBinaryUnits() {
        assertEquals(4194304, ValueParsers.byteSize("4194304"));
        assertEquals(4194304, ValueParsers.byteSize("4MiB"));
        assertEquals(4194304, ValueParsers.byteSize("4 mib"));
        assertEquals(512 * 1024, ValueParsers.byteSize("512KiB"));
        assertEquals(1L << 30, ValueParsers.byteSize("1GiB"));
        assertEquals(3L << 40, ValueParsers.byteSize("3TiB"));
        assertEquals(7, ValueParsers.byteSize("7B"));
        assertEquals(Long.MAX_VALUE, ValueParsers.byteSize(Long.toString(Long.MAX_VALUE)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "-1", "1.5MiB", "4MB", "4k", "4 PiB", "MiB", "9223372036854775808", "8388608TiB", "1e6"})
    void byteSizeRejects(String text) {
        assertThrows(InvalidValueException.class, () -> ValueParsers.byteSize(text));
    }

    @Test
    void integerRangeIsInclusive() {
        ValueParser<Integer> pool = ValueParsers.integerIn(1, 64);
        assertEquals(1, pool.parse("1"));
        assertEquals(64, pool.parse("64"));
        for (String bad : new String[]{"0", "65", "-3", "", "1.0", "99999999999999999999", "٣"}) {
            assertThrows(InvalidValueException.class, () -> pool.parse(bad), bad);
        }
    }

    @Test
    void logLevelIsCaseInsensitiveAndNormalised() {
        ValueParser<String> level = ValueParsers.oneOf(KeySchema.LOG_LEVELS);
        assertEquals("debug", level.parse("DEBUG"));
        assertThrows(InvalidValueException.class, () -> level.parse("fatal"));
    }

    @Test
    void postgresUrlShape() {
        for (String ok : new String[]{"", "postgres://u@h/d", "postgresql://u:p@h:5432/d?sslmode=require",
                "postgres://u:p%40ss@[::1]:5432/d"}) {
            assertEquals(ok, ValueParsers.postgresUrlOrEmpty(ok), ok);
        }
        for (String bad : new String[]{"sqlite:///x", "postgres://", "postgres://u:p@ss@h/d", "postgres://h/",
                "postgres://h/a/b", "postgres://h d/x", "  "}) {
            assertThrows(InvalidValueException.class, () -> ValueParsers.postgresUrlOrEmpty(bad), bad);
        }
    }

    @Test
    void multiaddrShape() {
        for (String ok : new String[]{"", "/ip4/0.0.0.0/tcp/24001", "/ip6/::/tcp/0", "/dns/example.com/tcp/1/ws",
                "/dns4/a/tcp/65535", "/dns6/a.b/tcp/1/p2p/Qm"}) {
            assertEquals(ok, ValueParsers.multiaddrOrEmpty(ok), ok);
        }
        for (String bad : new String[]{"/", "/ip4", "/ip4/0.0.0.0", "/ip4/0.0.0.0/tcp", "/ip4/0.0.0.0/tcp/65536",
                "/ip6/1.2.3.4/tcp/1", "/ip4//tcp/1", "/ip4/1.2.3.4/tcp/1/", "/tcp/1/ip4/1.2.3.4", "ip4/1.2.3.4/tcp/1"}) {
            assertThrows(InvalidValueException.class, () -> ValueParsers.multiaddrOrEmpty(bad), bad);
        }
    }
}
