package io.backline.web.form;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.multipart.FormValue;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * What the person typed into the form this request posted, field by field, to show the form again with a message:
 * read the way Renarde's own flash does, so that no controller echoes its fields one by one.
 */
@RequestScoped
public class SubmittedForm {
    /** Never shown back: the CSRF token is rendered fresh by the form. */
    private static final String CSRF_FIELD = "csrf-token";

    @Inject
    CurrentVertxRequest request;

    /** The first value of each text field (files left out); an unknown field reads as absent. */
    public Map<String, String> values() {
        Map<String, String> values = new HashMap<>();
        if (request.getOtherHttpContextObject() instanceof ResteasyReactiveRequestContext context) {
            FormData form = context.getFormData();
            if (form != null) {
                for (String name : form) {
                    FormValue first = form.getFirst(name);
                    if (first != null && !first.isFileItem() && !CSRF_FIELD.equals(name)) {
                        values.put(name, first.getValue());
                    }
                }
            }
        }
        return values;
    }
}
