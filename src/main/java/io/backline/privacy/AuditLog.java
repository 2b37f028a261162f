package io.backline.privacy;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestQuery;

import io.backline.audit.AuditEvent;
import io.backline.audit.AuditTrail;
import io.backline.people.Client;
import io.backline.clinic.CurrentUser;
import io.backline.people.StaffMember;
import io.backline.web.Ids;
import io.backline.web.Paged;
import io.quarkiverse.renarde.Controller;
import io.quarkus.panache.common.Parameters;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The audit trail for clinic admins, newest first, narrowed to one client and/or one person. */
@Path("/audit")
@RolesAllowed(CurrentUser.ADMIN)
public class AuditLog extends Controller {

    public record Row(AuditEvent event, String clientName) {
    }

    /** {@code actor}: the user id the list is narrowed to, or null; {@code chain}: whether the trail is intact. */
    public record Page(Paged<AuditEvent> events, List<Row> rows, Client client, String actor,
            List<StaffMember> staff, AuditTrail.ChainCheck chain) {
        /** The filters as a query string for the pager links (tags/pager adds the page). */
        public String filters() {
            return (client == null ? "" : "client=" + client.id + "&") + (actor == null ? "" : "actor=" + actor + "&");
        }
    }

    @Inject
    AuditTrail audit;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(Page page);
    }

    @GET
    @Path("")
    public TemplateInstance index(@RestQuery String client, @RestQuery String actor, @RestQuery String page) {
        UUID clientId = Ids.parseOrNull(client);
        UUID actorId = Ids.parseOrNull(actor);
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (clientId != null) {
            where.append(" and clientId = :client");
            params.and("client", clientId);
        }
        if (actorId != null) {
            where.append(" and actorUserId = :actor");
            params.and("actor", actorId);
        }
        // Chain order, newest first; looks not chained yet come first, as the newest (docs/adr/0047).
        Paged<AuditEvent> events = Paged.of(
                AuditEvent.find(where + " order by seq desc nulls first, happenedAt desc", params), Paged.index(page));
        List<UUID> clientIds = events.items().stream().map(event -> event.clientId).filter(Objects::nonNull).distinct()
                .toList();
        Map<UUID, Client> clients = clientIds.isEmpty() ? Map.of()
                : Client.<Client> list("id in ?1", clientIds).stream()
                        .collect(Collectors.toMap(c -> c.id, Function.identity()));
        List<Row> rows = events.items().stream().map(event -> new Row(event,
                event.clientId != null && clients.containsKey(event.clientId) ? clients.get(event.clientId).fullName : ""))
                .toList();
        Client filtered = clientId == null ? null : Client.<Client> find("id", clientId).firstResult();
        return Templates.index(new Page(events, rows, filtered, actorId == null ? null : actorId.toString(),
                StaffMember.list("order by fullName"), audit.checkChain()));
    }
}
