package io.backline.web.i18n;

import java.time.LocalDate;

import jakarta.enterprise.event.Observes;

import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.ResultMapper;

/**
 * Every {@code LocalDate} a template prints reads as the request's language writes dates, on every page, without a
 * filter in each template. A form's date input prints an ISO string instead ({@code {today.iso}}).
 */
public class DateResults {
    void register(@Observes EngineBuilder engine) {
        engine.addResultMapper(new ResultMapper() {
            @Override
            public int getPriority() {
                // Before the HTML escaper: a formatted date has nothing to escape.
                return 10;
            }

            @Override
            public boolean appliesTo(io.quarkus.qute.TemplateNode.Origin origin, Object result) {
                return result instanceof LocalDate;
            }

            @Override
            public String map(Object result, io.quarkus.qute.Expression expression) {
                return Dates.date((LocalDate) result, Languages.current());
            }
        });
    }
}
