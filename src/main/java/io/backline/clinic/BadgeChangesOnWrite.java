package io.backline.clinic;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * A request that may have changed something the menus count (any but GET, HEAD and OPTIONS) forgets its clinic's kept
 * counts on this instance as its answer leaves, after its transaction committed, so the page it leads to counts
 * afresh without waiting for V29's notice; other instances forget them when that notice reaches them.
 */
public class BadgeChangesOnWrite {
    @Inject
    BadgeCache cache;
    @Inject
    SecurityIdentity identity;

    @ServerResponseFilter
    public void forget(ContainerRequestContext request) {
        switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS" -> {
            }
            default -> ClinicMember.of(identity).ifPresent(member -> cache.changed(member.clinic().id));
        }
    }
}
