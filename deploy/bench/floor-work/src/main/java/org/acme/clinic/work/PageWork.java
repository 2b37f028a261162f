package org.acme.clinic.work;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** One Backline page's work as the benchmark captured it: its statements and the size of its answer. */
@ApplicationScoped
public class PageWork {
    public record Work(List<String> statements, int bytes, String pageText) {}

    private final Map<String, Work> byKey = new ConcurrentHashMap<>();
    private final Map<String, String> padding = new ConcurrentHashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    @ConfigProperty(name = "work.dir")
    Path dir;

    public Work of(String key) {
        return byKey.computeIfAbsent(key, this::read);
    }

    public String padding(String key) {
        return padding.get(key);
    }

    /** Text that brings a rendering of {@code rendered} characters to the size of Backline's answer: its own page. */
    public String paddingFor(String key, int rendered) {
        return padding.computeIfAbsent(key, k -> {
            String page = of(k).pageText();
            return page.substring(0, Math.max(0, Math.min(page.length(), of(k).bytes() - rendered)));
        });
    }

    private Work read(String key) {
        if (!key.matches("[a-z-]+") || !Files.exists(dir.resolve(key + ".json"))) {
            throw new NotFoundException();
        }
        try {
            Map<?, ?> captured = json.readValue(dir.resolve(key + ".json").toFile(), Map.class);
            @SuppressWarnings("unchecked")
            List<String> statements = (List<String>) captured.get("statements");
            String page = Files.readString(dir.resolve(key + ".body"), StandardCharsets.UTF_8);
            return new Work(List.copyOf(statements), ((Number) captured.get("bytes")).intValue(), page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
