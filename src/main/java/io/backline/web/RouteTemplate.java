package io.backline.web;

import java.net.URI;
import java.util.function.Function;
import java.util.function.Supplier;


/**
 * A controller route's address, built by Renarde's router once and then filled in by string concatenation: for the
 * links of long lists and the layout's menu, where {@code {uri:…}} (a URI builder per link) was the pages' hottest
 * frame (docs/adr/0032). Still type-checked: it is made from a method reference.
 */
public final class RouteTemplate {
    /** Stands for the id while the route is built once; a UUID needs no encoding, so it comes back as it went in. */
    private static final String SLOT = "00000000-0000-0000-0000-0000000005a7";

    private final Supplier<URI> build;
    private volatile String[] parts;

    private RouteTemplate(Supplier<URI> build) {
        this.build = build;
    }

    /**
     * {@code build} calls {@code Router.getURI} with the method reference itself (Renarde rewrites those calls when it
     * builds the app, so the reference cannot be passed around), giving it the id's stand-in where the id goes:
     * {@code withId(id -> Router.getURI(ClientPage::show, id))}, or {@code withId(id -> Router.getURI(Programs::index))}.
     */
    public static RouteTemplate withId(Function<String, URI> build) {
        return new RouteTemplate(() -> build.apply(SLOT));
    }

    /** The address for this id (a UUID, or anything else that needs no encoding in a path). */
    public String with(Object id) {
        String[] split = parts();
        return split.length == 1 ? split[0] : split[0] + id + split[1];
    }

    /** The address of a route without parameters. */
    public String path() {
        return parts()[0];
    }

    private String[] parts() {
        String[] split = parts;
        if (split == null) {
            String path = build.get().toString();
            int slot = path.indexOf(SLOT);
            split = slot < 0 ? new String[] { path } : new String[] { path.substring(0, slot), path.substring(slot + SLOT.length()) };
            parts = split;
        }
        return split;
    }
}
