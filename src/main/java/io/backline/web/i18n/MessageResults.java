package io.backline.web.i18n;

import java.util.List;

import jakarta.enterprise.event.Observes;

import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.Expression;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.ResultMapper;
import io.quarkus.qute.TemplateNode;

/**
 * Escapes a message from the bundles ({@code {m:…}}) like any value, except its apostrophes: the copy is ours, an
 * apostrophe is harmless in text and double-quoted attributes, and "Don't" stays "Don't" in the page's source.
 * <p>
 * Both write every other character beyond ASCII as a numeric reference ({@code é} as {@code &#233;}), as the templates
 * write theirs as entities: a page that is all ASCII is encoded to UTF-8 by copying its bytes, where one dash or
 * accent anywhere makes the JDK encode the whole page character by character into a buffer three times its size.
 * Supplementary characters (emoji) stay as they are: half a pair cannot be referenced.
 */
public class MessageResults {
    private static final List<String> ESCAPED = List.of("text/html", "text/xml", "application/xml",
            "application/xhtml+xml");

    void register(@Observes EngineBuilder engine) {
        HtmlEscaper everything = new HtmlEscaper(ESCAPED) {
            @Override
            protected String replacementFor(char c) {
                return beyondAscii(c) ? reference(c) : super.replacementFor(c);
            }
        };
        HtmlEscaper keepingApostrophes = new HtmlEscaper(ESCAPED) {
            @Override
            protected String replacementFor(char c) {
                return c == '\'' ? null : beyondAscii(c) ? reference(c) : super.replacementFor(c);
            }
        };
        engine.addResultMapper(new ResultMapper() {
            @Override
            public int getPriority() {
                // Above Qute's own escaper, below the dates' mapper.
                return 5;
            }

            @Override
            public boolean appliesTo(TemplateNode.Origin origin, Object result) {
                return everything.appliesTo(origin, result);
            }

            @Override
            public String map(Object result, Expression expression) {
                return "m".equals(expression.getNamespace()) ? keepingApostrophes.map(result, expression)
                        : everything.map(result, expression);
            }
        });
    }

    private static boolean beyondAscii(char c) {
        return c > 0x7F && !Character.isSurrogate(c);
    }

    private static String reference(char c) {
        return "&#" + (int) c + ";";
    }
}
