package io.backline.web;

import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.Mapper;
import io.quarkus.qute.ValueResolver;

/**
 * A value resolver tried before all others, which never applies: Qute tries it only when it searches its resolvers for
 * a name, which is what a name read in a context that lacks it costs (docs/adr/0010, 0059). It counts those searches.
 */
@Singleton
public class ResolverSearchProbe {
    private final Map<String, LongAdder> searches = new ConcurrentHashMap<>();

    void addToEngine(@Observes EngineBuilder builder) {
        builder.addValueResolver(new ValueResolver() {
            @Override
            public int getPriority() {
                return Integer.MAX_VALUE;
            }

            @Override
            public boolean appliesTo(EvalContext context) {
                Object base = context.getBase();
                String where = base instanceof Mapper mapper ? "names " + mapper.mappedKeys()
                        : base == null ? "nothing" : base.getClass().getSimpleName();
                searches.computeIfAbsent(context.getName() + " in " + where, key -> new LongAdder()).increment();
                return false;
            }

            @Override
            public CompletionStage<Object> resolve(EvalContext context) {
                throw new IllegalStateException("never applies");
            }
        });
    }

    public void reset() {
        searches.clear();
    }

    /** Each name searched for since the last reset, with where it was looked for first and how often. */
    public Map<String, Long> searches() {
        return searches.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                entry -> entry.getValue().sum()));
    }
}
