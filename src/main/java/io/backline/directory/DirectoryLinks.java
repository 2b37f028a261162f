package io.backline.directory;

import java.util.UUID;

import io.quarkiverse.renarde.router.Router;
import io.quarkus.qute.TemplateExtension;

/**
 * Links to the directory's search page with filters. {@link Providers#index} takes its filters as one record, which
 * Renarde's {@code uri:} leaves out of the links it builds, so the route comes from {@link Router#getURI} (checked by
 * the compiler) and the filters from {@link DirectorySearch#query()}. The plain page needs none of this:
 * {@code {uri:Providers.index(null, null, null)}}, or with a client {@code {uri:Providers.index(null, clientId, null)}}.
 */
@TemplateExtension(namespace = "directory")
public final class DirectoryLinks {
    private DirectoryLinks() {
    }

    /**
     * The search for a provider of a specialty who takes new clients, to refer this client to (about this flag, when
     * there is one): {@code {directory:referral(specialty, client.id, flagId)}}. A specialty that is not one is shown
     * as a problem on the page, like a typed one.
     */
    public static String referral(String specialty, UUID client, UUID flag) {
        return search(new DirectorySearch(null, specialty, null, null, null, null, null, true, null, null, null, null, false),
                client, flag);
    }

    /** This search, for this client and flag when a referral is under way (both may be null). */
    private static String search(DirectorySearch search, UUID client, UUID flag) {
        String route = Router.getURI(Providers::index, null, client == null ? null : client.toString(),
                client == null || flag == null ? null : flag.toString()).toString();
        String filters = search.query();
        if (filters.isEmpty()) {
            return route;
        }
        return route + (route.contains("?") ? "&" : "?") + filters.substring(0, filters.length() - 1);
    }
}
