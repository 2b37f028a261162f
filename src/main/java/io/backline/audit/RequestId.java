package io.backline.audit;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The id that ties audit rows to one request, made by the server. A proxy's {@code X-Request-Id} is kept only when
 * the connection came from a trusted proxy ({@link TrustedProxies}) and it is a UUID, so nothing a browser sends ends
 * up in the audit trail, the export or the logs.
 */
@RequestScoped
public class RequestId {
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final String value;

    @Inject
    RequestId(CurrentVertxRequest current, TrustedProxies proxies) {
        // Background work (an import finishing) has a request context but no HTTP request: it gets its own id.
        this.value = current.getCurrent() == null ? UUID.randomUUID().toString() : of(current.getCurrent().request(), proxies);
    }

    /** The id for a request read outside its request context (the sign-in's callback). */
    static String of(HttpServerRequest request, TrustedProxies proxies) {
        return chosen(request.getHeader("X-Request-Id"), proxies.contains(peer(request)));
    }

    public String value() {
        return value;
    }

    /** The header's UUID when a trusted proxy sent one, else a new UUID. */
    static String chosen(String header, boolean fromTrustedProxy) {
        if (fromTrustedProxy && header != null && UUID_TEXT.matcher(header.strip()).matches()) {
            return header.strip().toLowerCase(Locale.ROOT);
        }
        return UUID.randomUUID().toString();
    }

    /** The address the connection itself came from, never X-Forwarded-For: only the proxy vouches for the header. */
    private static String peer(HttpServerRequest request) {
        HttpConnection connection = request.connection();
        SocketAddress address = connection == null ? null : connection.remoteAddress();
        return address == null ? null : address.hostAddress();
    }
}
