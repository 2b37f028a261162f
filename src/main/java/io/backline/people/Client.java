package io.backline.people;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.backline.clinic.ClinicOwned;
import io.backline.clinic.CurrentUser;
import io.backline.web.i18n.Languages;

/** A person who follows a program at one clinic. */
@Entity
public class Client extends ClinicOwned {
    @Id
    public UUID id;

    /** The Keycloak subject, once the client has an account. */
    public UUID userId;
    public String fullName;
    public String preferredName;
    public String email;
    public String phone;
    public boolean active;
    /** Shown to staff only; the client finds them only in the copy of their data they download. */
    public String notes;
    public java.time.Instant deactivatedAt;
    /** Set when the client's personal data was erased on request; the row stays so that counts stay right. */
    public java.time.Instant erasedAt;
    /** When the client (or staff for them) last answered the pre-exercise questions; none yet before the first. */
    public java.time.Instant screenedAt;
    /** "en" or "es": what the client last read Backline in, for the emails jobs write to them. */
    public String language = "en";

    /** The signed-in client's own row in this clinic; a client with none sees 404, never someone else's data. */
    public static Client signedIn(CurrentUser user) {
        return user.clientId().map(id -> Client.<Client> findById(id))
                .orElseThrow(jakarta.ws.rs.NotFoundException::new);
    }

    public static Client findByUser(UUID userId) {
        return find("userId", userId).firstResult();
    }

    /** The language a job writes to this client in (the one they last read Backline in); English for no client. */
    public static String languageOf(Client client) {
        return client == null ? Languages.ENGLISH : client.language;
    }

    public String displayName() {
        return preferredName != null && !preferredName.isBlank() ? preferredName : fullName;
    }
}
