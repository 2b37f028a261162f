package io.backline.notify;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.config.BacklineConfig;
import io.quarkiverse.renarde.router.Router;
import io.quarkus.mailer.Mail;

/**
 * The unsubscribe part of every email a person can turn off: a signed, expiring link for the body, and RFC 8058's
 * {@code List-Unsubscribe} and {@code List-Unsubscribe-Post} headers for the mail client's own button.
 */
@ApplicationScoped
public class UnsubscribeMail {
    /** The confirm page for the body, and the one-click address for the header. */
    public record Link(String page, String oneClick) {
    }

    @Inject
    BacklineConfig config;
    @Inject
    UnsubscribeLinks links;

    public Link link(String kind, String clinicId, UUID personId) {
        String token = links.token(kind, clinicId, personId);
        return new Link(config.baseUrl() + Router.getURI(Unsubscribe::confirm, token),
                config.baseUrl() + OneClickUnsubscribe.path(token));
    }

    public static Mail withHeaders(Mail mail, Link link) {
        return mail.addHeader("List-Unsubscribe", "<" + link.oneClick() + ">")
                .addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
}
