package dev.granary.node.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** conf/granary.yaml is both the operator reference and the defaults; keep it in step with the schema. */
class DocumentedDefaultsTest {
    private static final Path DOCUMENTED = Path.of("conf", "granary.yaml");
    private static final Pattern SECTION = Pattern.compile("([^\\s#][^:]*):\\s*");
    private static final Pattern KEY = Pattern.compile(" {2}([^\\s#][^:]*):(\\s.*)?");

    @Test
    void everySchemaKeyIsDocumentedWithACommentAndNothingElseIsThere() throws IOException {
        List<String> lines = Files.readAllLines(DOCUMENTED);
        Set<String> documented = new LinkedHashSet<>();
        String section = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            Matcher sectionLine = SECTION.matcher(line);
            Matcher keyLine = KEY.matcher(line);
            if (sectionLine.matches()) {
                section = sectionLine.group(1);
            } else if (keyLine.matches() && section != null) {
                String path = section + "." + keyLine.group(1);
                assertTrue(i > 0 && lines.get(i - 1).stripLeading().startsWith("#"),
                        path + " (line " + (i + 1) + ") needs a comment on the line above saying what it does");
                documented.add(path);
            } else {
                fail("line " + (i + 1) + " is neither a section, a key nor a comment: " + line);
            }
        }
        Set<String> schema = KeySchema.KEYS.stream().map(ConfigKey::path)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        assertEquals(schema, documented, "schema keys vs keys in " + DOCUMENTED);
    }

    @Test
    void headerExplainsLayeringAndEnvironmentNaming() throws IOException {
        String text = Files.readString(DOCUMENTED);
        for (String mention : List.of("<repo>/config", "GRANARY_<SECTION>_<KEY>", "GRANARY_API_MAX_BODY_BYTES",
                "GRANARY_TOKEN", "command line")) {
            assertTrue(text.contains(mention), "header should mention " + mention);
        }
    }

    @Test
    void theBundledDefaultsAreTheDocumentedFile() throws IOException {
        try (InputStream bundled = getClass().getClassLoader().getResourceAsStream(YamlLayer.DEFAULTS_RESOURCE)) {
            assertNotNull(bundled, YamlLayer.DEFAULTS_RESOURCE + " missing from the classpath");
            assertEquals(Files.readString(DOCUMENTED), new String(bundled.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
