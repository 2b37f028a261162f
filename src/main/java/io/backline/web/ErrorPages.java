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
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;

/**
 * Friendly error pages (and small JSON bodies under /api): never a stack trace, SQL or class name. A 500 is logged
 * with a reference the user can quote, without the request's data.
 */
public class ErrorPages {

    @CheckedTemplate(basePath = "errors")
    static class Templates {
        static native TemplateInstance error(int status, String title, String message, String reference);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri, HttpHeaders headers) {
        return render(uri, 404, "Page not found",
                "There is nothing here, or it is not yours to see. Check the address, or go back to your home page.", null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, HttpHeaders headers) {
        return render(uri, 403, "Not allowed",
                "Your account does not have access to this page. If you think it should, ask your clinic's admin.", null);
    }

    @ServerExceptionMapper
    public Response noClinic(NoClinicException e, UriInfo uri, HttpHeaders headers) {
        return render(uri, 403, "No clinic yet",
                "You are signed in, but your account does not belong to a clinic in Backline yet. Ask your clinic to invite you.",
                null);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status < 400) {
            return e.getResponse();
        }
        return render(uri, status, status >= 500 ? "Something went wrong" : "That request did not work",
                status == 405 ? "This address does not accept that kind of request."
                        : "The request could not be handled. Go back and try again.",
                null);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri, HttpHeaders headers) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        // Never the exception's message: it can carry row data or what was typed (SafeLog).
        Log.errorf("Unexpected error, reference %s, on %s: %s", reference, uri.getPath(), SafeLog.describe(e));
        return render(uri, 500, "Something went wrong",
                "We could not finish that. Nothing more was saved. Please try again; if it keeps happening, tell us the reference below.",
                reference);
    }

    /** The error page (or JSON body under /api) for a failure a feature maps itself. */
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
