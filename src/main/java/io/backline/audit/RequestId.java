package io.backline.audit;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.vertx.core.http.HttpServerRequest;

/** The id that ties audit rows to one request: the proxy's X-Request-Id when there is one, else a new one. */
@RequestScoped
public class RequestId {
    private final String value;

    @Inject
    public RequestId(HttpServerRequest request) {
        String header = request.getHeader("X-Request-Id");
        this.value = header != null && !header.isBlank() && header.length() <= 64 ? header : UUID.randomUUID().toString();
    }

    public String value() {
        return value;
    }
}
