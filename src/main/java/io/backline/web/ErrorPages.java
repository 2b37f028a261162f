package io.backline.web;

import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.backline.web.NoClinicException;
import io.backline.web.i18n.Texts;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;

/**
 * Friendly error pages (and small JSON bodies under /api): never a stack trace, SQL or class name. A 500 is logged
 * with a reference the user can quote, without the request's data. The words are in the request's language.
 */
public class ErrorPages {

    @CheckedTemplate(basePath = "errors")
    static class Templates {
        static native TemplateInstance error(int status, String title, String message, String reference);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri, HttpHeaders headers) {
        return render(uri, 404, Texts.get("error.notFound.title"), Texts.get("error.notFound.message"), null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return render(uri, 403, Texts.get("error.forbidden.title"), Texts.get("error.forbidden.message"), null);
    }

    @ServerExceptionMapper
    public Response noClinic(NoClinicException e, UriInfo uri, HttpHeaders headers) {
        return render(uri, 403, Texts.get("error.noClinic.title"), Texts.get("error.noClinic.message"), null);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status < 400) {
            return e.getResponse();
        }
        return render(uri, status, Texts.get(status >= 500 ? "error.failed.title" : "error.badRequest.title"),
                Texts.get(status == 405 ? "error.method.message" : "error.badRequest.message"), null);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri, HttpHeaders headers) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        // Never the exception's message: it can carry row data or what was typed (SafeLog).
        Log.errorf("Unexpected error, reference %s, on %s: %s", reference, uri.getPath(), SafeLog.describe(e));
        return render(uri, 500, Texts.get("error.failed.title"), Texts.get("error.unexpected.message"), reference);
    }

    /** The error page (or JSON body under /api) for a failure a feature maps itself, with words from Texts. */
    public static Response page(UriInfo uri, int status, String title, String message) {
        return render(uri, status, title, message, null);
    }

    private static Response render(UriInfo uri, int status, String title, String message, String reference) {
        if (uri.getPath().startsWith("/api/")) {
            Map<String, Object> body = reference == null
                    ? Map.of("status", status, "title", title)
                    : Map.of("status", status, "title", title, "reference", reference);
            return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML)
                .entity(Templates.error(status, title, message, reference)).build();
    }
}
