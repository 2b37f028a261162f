package io.backline.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.backline.config.BacklineConfig;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves the API's OpenAPI document at {@code /q/openapi}: YAML, or JSON with {@code ?format=json} or an
 * {@code Accept: application/json}. The build wrote both forms into the jar (pom.xml, docs/adr/0061), so a start of the
 * app does no work for it. It answers on the management port where that is on (production), else on the app's port.
 */
@ApplicationScoped
public class ApiDocumentRoute {
    static final String PATH = "/q/openapi";
    private static final String DOCUMENT = "META-INF/openapi/openapi.";

    @Inject
    BacklineConfig config;

    /** Each form of the document, read from the jar on its first request. */
    private final Map<String, Buffer> documents = new ConcurrentHashMap<>();

    void onManagementInterface(@Observes ManagementInterface management) {
        management.router().get(PATH).handler(this::serve);
    }

    void onAppRouter(@Observes Router router) {
        if (!config.apiDocument().onManagementPort()) {
            router.get(PATH).handler(this::serve);
        }
    }

    private void serve(RoutingContext context) {
        boolean asJson = "json".equalsIgnoreCase(context.request().getParam("format"))
                || Optional.ofNullable(context.request().getHeader("Accept")).orElse("").contains("application/json");
        Buffer body = documents.computeIfAbsent(asJson ? "json" : "yaml", ApiDocumentRoute::read);
        if (body == null) {
            // Only a build that skipped process-classes (an IDE's own compile) lacks it.
            context.response().setStatusCode(404).end("The OpenAPI document is written by the Maven build.");
            return;
        }
        context.response()
                .putHeader("Content-Type", (asJson ? "application/json" : "application/yaml") + ";charset=UTF-8")
                .end(body);
    }

    private static Buffer read(String extension) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(DOCUMENT + extension)) {
            return in == null ? null : Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
