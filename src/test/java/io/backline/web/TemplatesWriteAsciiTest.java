package io.backline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A page that is all ASCII is encoded by copying its bytes; one dash written as itself anywhere in a template makes
 * every page that includes it take the JDK's slow path. Templates write such characters as entities ({@code &mdash;});
 * what expressions print is written as references by web/i18n/MessageResults.
 */
class TemplatesWriteAsciiTest {

    @Test
    void everyHtmlTemplateWritesItsTextBeyondAsciiAsEntities() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".html")).sorted().toList()) {
                String text = Files.readString(file);
                int depth = 0;
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == '{') {
                        depth++;
                    } else if (c == '}' && depth > 0) {
                        depth--;
                    } else if (c > 0x7F && depth == 0) {
                        // Inside an expression or section a literal is printed through the escaper, which handles it.
                        found.add(file + ": '" + c + "' at " + i);
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }
}
