package io.backline.notification;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;

import io.backline.clinic.CurrentUser;
import io.backline.message.MyMessages;
import io.backline.practice.Today;
import io.backline.referral.MyReferrals;
import io.backline.symptom.MyFlags;
import io.quarkiverse.renarde.Controller;
import io.quarkiverse.renarde.router.Router;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The client's notifications: the list (read once seen), each opening the page it is about. The email switch is on
 * the reminders page, with the client's other email settings.
 */
@Path("/today/notifications")
@RolesAllowed(CurrentUser.CLIENT)
public class MyNotifications extends Controller {
    @Inject
    CurrentUser currentUser;
    @Inject
    NotificationService notifications;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<NotificationService.Row> notifications, boolean emailOn);
    }

    @GET
    @Path("")
    public TemplateInstance list() {
        UUID clientId = clientId();
        // Shown as they were (the unread ones marked new), then read: the client has now seen them.
        TemplateInstance page = Templates.list(notifications.latest(clientId), notifications.emailOn(clientId));
        notifications.markAllRead(clientId);
        return page;
    }

    /** Marks the notification read and goes to the page it is about; another client's (or clinic's) answers 404. */
    @GET
    @Path("{id}")
    public Response open(@RestPath String id) {
        Notification notification = notifications.open(clientId(), parse(id)).orElseThrow(NotFoundException::new);
        return Response.seeOther(target(notification)).build();
    }

    /** The menu's unread count, polled like the message badge. */
    @GET
    @Path("count")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Long> count() {
        return Map.of("unread", currentUser.unreadNotificationCount());
    }

    private static URI target(Notification notification) {
        return switch (notification.kind) {
            case CONSENT_REQUESTED -> Router.getURI(MyReferrals::show, notification.subjectId.toString());
            case PROGRAM_PAUSED, PROGRAM_RESUMED, PROGRAM_CHANGED, PROGRAM_ENDED -> Router.getURI(Today::todayPage);
            case REPORT_ANSWERED -> Router.getURI(MyFlags::flag, notification.subjectId.toString());
            case NOTE_SHARED -> Router.getURI(MyMessages::conversation);
        };
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException();
        }
    }

    private UUID clientId() {
        return currentUser.clientId().orElseThrow(NotFoundException::new);
    }
}
