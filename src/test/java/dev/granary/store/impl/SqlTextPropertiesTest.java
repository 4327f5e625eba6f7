package dev.granary.store.impl;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Statement splitting against generated scripts full of ';' that do not end a statement. */
class SqlTextPropertiesTest {
    @Property
    void splittingJoinedStatementsGivesThemBack(@ForAll("statementLists") List<String> statements) {
        String script = String.join(";\n", statements) + ";";

        // a statement ending in a line comment keeps its comment but not the newline after it
        assertEquals(statements.stream().map(String::strip).toList(), SqlText.statements(script));
    }

    @Provide
    Arbitrary<List<String>> statementLists() {
        Arbitrary<String> literal = Arbitraries.strings().withChars("ab;?-/*\"'").ofMaxLength(8)
                .map(body -> "'" + body.replace("'", "''") + "'");
        Arbitrary<String> identifier = Arbitraries.strings().withChars("ab;'?").ofMaxLength(6)
                .map(body -> "\"" + body + "\"");
        Arbitrary<String> word = Arbitraries.strings().withChars("abcXYZ019_(),=").ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> comment = Arbitraries.strings().withChars("ab ;'\"").ofMaxLength(8).map(body -> "/*" + body + "*/");
        Arbitrary<String> lineComment = Arbitraries.strings().withChars("ab ;'\"*/").ofMaxLength(8).map(body -> "--" + body + "\n");
        Arbitrary<String> statement = Arbitraries.oneOf(word, literal, identifier, comment, lineComment).list().ofMinSize(1).ofMaxSize(6)
                .map(parts -> "SELECT " + String.join(" ", parts));
        return statement.list().ofMaxSize(6);
    }
}
