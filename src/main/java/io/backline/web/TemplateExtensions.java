package io.backline.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.quarkus.qute.TemplateExtension;

/** Small helpers for templates. */
@TemplateExtension
public class TemplateExtensions {
    /** For query strings built in templates, such as a search kept across pages. */
    static String urlEncode(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
