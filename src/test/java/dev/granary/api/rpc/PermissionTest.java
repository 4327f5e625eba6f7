package dev.granary.api.rpc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PermissionTest {

    @Test
    void declarationOrderIsPrivilegeOrder() {
        assertEquals(List.of(Permission.READ, Permission.WRITE, Permission.SIGN, Permission.ADMIN),
                List.of(Permission.values()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "ADMIN", "Admin", " admin\n"})
    void parseIgnoresCaseAndSurroundingBlanks(String text) {
        assertEquals(Permission.ADMIN, Permission.parse(text));
    }

    @Test
    void parseRejectsUnknownNamesListingTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Permission.parse("root"));
        assertTrue(e.getMessage().contains("'root'"), e.getMessage());
        assertTrue(e.getMessage().contains("read, write, sign, admin"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Permission.parse(null));
        assertThrows(IllegalArgumentException.class, () -> Permission.parse(""));
    }

    @Test
    void wireNamesAreLotusLowercase() {
        assertEquals("read", Permission.READ.wireName());
        assertEquals("write", Permission.WRITE.wireName());
        assertEquals("sign", Permission.SIGN.wireName());
        assertEquals("admin", Permission.ADMIN.wireName());
    }

    @Test
    void allowListIsThisAndEverythingBelowWeakestFirst() {
        assertEquals(List.of("read"), Permission.READ.allowList());
        assertEquals(List.of("read", "write"), Permission.WRITE.allowList());
        assertEquals(List.of("read", "write", "sign"), Permission.SIGN.allowList());
        assertEquals(List.of("read", "write", "sign", "admin"), Permission.ADMIN.allowList());
    }

    @Test
    void coversItselfAndWeakerOnly() {
        assertTrue(Permission.ADMIN.covers(Permission.READ));
        assertTrue(Permission.SIGN.covers(Permission.SIGN));
        assertTrue(Permission.WRITE.covers(Permission.READ));
        assertFalse(Permission.READ.covers(Permission.WRITE));
        assertFalse(Permission.SIGN.covers(Permission.ADMIN));
    }

    @Test
    void wireLookupIsExactBecauseLotusComparesCaseSensitively() {
        assertEquals(Permission.SIGN, Permission.fromWireName("sign").orElseThrow());
        assertTrue(Permission.fromWireName("SIGN").isEmpty());
        assertTrue(Permission.fromWireName(" sign").isEmpty());
    }
}
