package dev.granary.store;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SQL is generated as a list of pieces whose correct translation is known piece by piece: code,
 * placeholders, and the four kinds of text where a {@code ?} is not a placeholder.
 */
class DialectPropertiesTest {
    /** A piece of SQL, its translation given the number of the next placeholder, and whether it is one. */
    record Piece(String text, boolean placeholder) {
        String expected(int number) {
            return placeholder ? "$" + number : text;
        }
    }

    @Property
    void postgresChangesNothingButPlaceholders(@ForAll("statements") List<Piece> pieces) {
        StringBuilder sql = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        int number = 0;
        for (Piece piece : pieces) {
            sql.append(piece.text());
            expected.append(piece.expected(piece.placeholder() ? ++number : number));
        }

        assertEquals(expected.toString(), Dialect.POSTGRES.sql(sql.toString()));
    }

    @Property
    void postgresAddsOneDollarPerPlaceholder(@ForAll("statements") List<Piece> pieces) {
        String sql = join(pieces);
        long placeholders = pieces.stream().filter(Piece::placeholder).count();

        String converted = Dialect.POSTGRES.sql(sql);

        // '$' only occurs in the input inside literals and comments, each placeholder adds exactly one
        assertEquals(placeholders, dollars(converted) - dollars(sql), converted);
    }

    @Property
    void quotedAndCommentedTextSurvivesVerbatim(@ForAll("statements") List<Piece> pieces) {
        String converted = Dialect.POSTGRES.sql(join(pieces));

        for (Piece piece : pieces) {
            if (!piece.placeholder() && piece.text().contains("?")) {
                assertTrue(converted.contains(piece.text()), "lost " + piece.text() + " in " + converted);
            }
        }
    }

    @Property
    void sqliteIsIdentity(@ForAll("statements") List<Piece> pieces) {
        String sql = join(pieces);

        assertEquals(sql, Dialect.SQLITE.sql(sql));
    }

    @Provide
    Arbitrary<List<Piece>> statements() {
        return Arbitraries.oneOf(code(), placeholder(), quoted('\''), quoted('"'), lineComment(), blockComment())
                .list().ofMaxSize(25);
    }

    private static long dollars(String text) {
        return text.chars().filter(c -> c == '$').count();
    }

    private static String join(List<Piece> pieces) {
        StringBuilder sql = new StringBuilder();
        pieces.forEach(piece -> sql.append(piece.text()));
        return sql.toString();
    }

    /** Code never holds a quote, '?', '$', '-', '/' or '*', so pieces cannot merge into another kind. */
    private static Arbitrary<Piece> code() {
        return Arbitraries.strings().withChars("abcXYZ019 ,.()=<>+_\n\t").ofMinLength(1).ofMaxLength(12)
                .map(text -> new Piece(text, false));
    }

    private static Arbitrary<Piece> placeholder() {
        return Arbitraries.just(new Piece("?", true));
    }

    /** A literal or quoted identifier, with doubled quotes inside, and question marks to tempt the converter. */
    private static Arbitrary<Piece> quoted(char quote) {
        Arbitrary<String> body = Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab ?;-/*$").ofMaxLength(6),
                Arbitraries.just(String.valueOf(quote) + quote),
                Arbitraries.just(String.valueOf(quote == '\'' ? '"' : '\'')));
        return body.list().ofMaxSize(4).map(parts -> new Piece(quote + String.join("", parts) + quote, false));
    }

    private static Arbitrary<Piece> lineComment() {
        return Arbitraries.strings().withChars("ab ?'\";/*").ofMaxLength(10)
                .map(text -> new Piece("--" + text + "\n", false));
    }

    private static Arbitrary<Piece> blockComment() {
        Arbitrary<String> body = Arbitraries.strings().withChars("ab ?'\";-\n").ofMaxLength(10);
        return Combinators.combine(body, Arbitraries.of("", "*", "/")).as((text, edge) ->
                new Piece("/*" + edge + text + "*/", false));
    }
}
