package io.backline.invitation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.backline.audit.AuditSubject;
import io.backline.audit.AuditTrail;
import io.backline.clinic.Clinic;
import io.backline.clinic.CurrentUser;
import io.backline.config.BacklineConfig;
import io.backline.keycloak.InvitationEmail;
import io.backline.keycloak.KeycloakAccounts;
import io.backline.people.CareTeamMember;
import io.backline.people.Client;
import io.backline.people.StaffMember;
import io.backline.web.SafeLog;
import io.backline.web.form.Typed;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.panache.common.Parameters;

/**
 * Invites people into a clinic. Keycloak holds the account and the clinic membership, Backline the person's row and
 * the invitation; when a step fails, the steps before it are undone so that nothing stays half-made.
 */
@ApplicationScoped
public class InvitationService {
    private static final Logger LOG = Logger.getLogger(InvitationService.class);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");
    static final Duration RESEND_PAUSE = Duration.ofMinutes(1);
    /** The window {@code backline.invitations.sends-per-hour} counts in. */
    private static final Duration SEND_WINDOW = Duration.ofHours(1);

    @Inject
    BacklineConfig config;
    @Inject
    KeycloakAccounts keycloak;
    @Inject
    CurrentUser currentUser;
    @Inject
    AuditTrail audit;
    @Inject
    EntityManager entityManager;
    @Inject
    InvitationQuery statements;
    @Inject
    Mailer mailer;

    /** A form whose own rules passed, with what {@link #check} found: the lead trainer, and any problems. */
    public record Checked(InvitationForm form, StaffMember lead, Map<String, String> problems) {
    }

    public sealed interface Outcome {
        record Sent(Invitation invitation) implements Outcome {
        }

        record AlreadySent(Invitation invitation) implements Outcome {
        }

        /** The address is taken: {@code message} belongs to the form's {@code field}. */
        record Refused(String field, String message) implements Outcome {
        }

        /** The clinic sent as many invitations as it may this hour: nothing was saved or sent. */
        record OverLimit(String message) implements Outcome {
        }
    }

    /**
     * The rules the form cannot state itself, needing the signed-in person or the clinic's staff: the problems map
     * each field to its message (the first found), empty when there is none.
     */
    public Checked check(InvitationForm form) {
        Map<String, String> problems = new LinkedHashMap<>();
        String email = Typed.text(form.email()).toLowerCase();
        if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
            problems.put("email", "“" + Typed.text(form.email()) + "” does not look like an email address.");
        }
        String role = Typed.text(form.role());
        if (!mayInvite(role)) {
            problems.put("role", "Choose whom you are inviting: a client" + (currentUser.isAdmin() ? ", a trainer or an admin." : "."));
        }
        StaffMember lead = CurrentUser.CLIENT.equals(role) ? leadTrainer(form.leadTrainerId(), problems) : null;
        return new Checked(form, lead, problems);
    }

    /** Only for a form that passed its rules and {@link #check}'s. */
    @Transactional
    public Outcome invite(Checked checked) {
        InvitationForm form = checked.form();
        String email = Typed.text(form.email()).toLowerCase();
        String fullName = Typed.text(form.fullName());
        String phone = Typed.text(form.phone());
        String role = Typed.text(form.role());
        UUID requestKey = UUID.fromString(form.requestKey().strip());
        StaffMember lead = checked.lead();
        // One invitation per clinic and address at a time, even when the same form arrives twice at once.
        statements.lockAddress(email);
        Optional<Invitation> same = Invitation.byRequestKey(requestKey);
        if (same.isPresent()) {
            return new Outcome.AlreadySent(same.get());
        }
        Optional<String> overLimit = overSendLimit();
        if (overLimit.isPresent()) {
            return new Outcome.OverLimit(overLimit.get());
        }
        if (Invitation.pendingFor(email).isPresent()) {
            return new Outcome.Refused("email", email + " already has an invitation waiting. Resend it from the list below.");
        }
        if (memberByEmail(email)) {
            return new Outcome.Refused("email", email + " already belongs to this clinic.");
        }
        Optional<UUID> existing = keycloak.findByEmail(email);
        if (existing.isPresent() && memberByAccount(existing.get())) {
            return new Outcome.Refused("email", email + " already belongs to this clinic.");
        }
        // Whoever has no password yet needs the set-password email, not "sign in with your account": a new account,
        // one another clinic invited them to that they have not opened yet, or one an earlier try left behind (Keycloak
        // finishing the work after Backline gave up waiting, the transaction rolled back).
        boolean newAccount = existing.isEmpty() || !keycloak.hasPassword(existing.get());
        UUID userId = existing.orElseGet(() -> keycloak.create(email, fullName));
        try {
            keycloak.joinClinic(userId, currentUser.getClinic().id);
            keycloak.grantRole(userId, role);
            Invitation invitation = save(email, fullName, phone, role, lead, userId, newAccount, requestKey);
            entityManager.flush();
            send(invitation);
            audit.record(AuditSubject.invitation(invitation.id), AuditTrail.SENT_INVITATION, described(invitation));
            return new Outcome.Sent(invitation);
        } catch (RuntimeException e) {
            undo(userId, newAccount);
            throw e;
        }
    }

    @Transactional
    public Optional<String> resend(Invitation invitation) {
        if (!invitation.isPending()) {
            return Optional.of("This invitation is no longer waiting.");
        }
        if (invitation.lastSentAt.plus(RESEND_PAUSE).isAfter(Instant.now())) {
            return Optional.of("It was sent less than a minute ago; give the email a moment to arrive.");
        }
        Optional<String> overLimit = overSendLimit();
        if (overLimit.isPresent()) {
            return overLimit;
        }
        send(invitation);
        invitation.lastSentAt = Instant.now();
        invitation.timesSent++;
        audit.record(AuditSubject.invitation(invitation.id), AuditTrail.RESENT_INVITATION, described(invitation));
        return Optional.empty();
    }

    /** The link stops working: the membership goes, and so does an account made only for this invitation. */
    @Transactional
    public void revoke(Invitation invitation) {
        if (!invitation.isPending()) {
            return;
        }
        invitation.status = Invitation.REVOKED;
        deactivatePerson(invitation);
        leaveAndDeleteIfUnused(invitation.userId, invitation.newAccount, invitation.clinicId);
        audit.record(AuditSubject.invitation(invitation.id), AuditTrail.REVOKED_INVITATION, described(invitation));
    }

    /** Whom it invites and as what, for the audit trail: a name, not the address. */
    private static String described(Invitation invitation) {
        return invitation.fullName + " (" + invitation.roleLabel() + ")";
    }

    /** The pending invitations the signed-in person manages (see {@link InvitationQuery}), newest first. */
    public List<Invitation> pendingManaged() {
        return statements.pendingManagedBy(manager());
    }

    /** One invitation the signed-in person manages; empty for another trainer's or another clinic's. */
    public Optional<Invitation> managed(UUID id) {
        return statements.managedBy(id, manager());
    }

    public boolean mayInvite(String role) {
        return switch (role) {
            case CurrentUser.CLIENT -> currentUser.isStaff();
            case CurrentUser.TRAINER, CurrentUser.ADMIN -> currentUser.isAdmin();
            default -> false;
        };
    }

    private InvitationQuery.Manager manager() {
        return new InvitationQuery.Manager(currentUser.isAdmin(), currentUser.userId(),
                currentUser.staffMemberId().orElse(null));
    }

    /** Why no more invitations may go out this hour, counted from the invitation table; empty while they may. */
    private Optional<String> overSendLimit() {
        int limit = config.invitations().sendsPerHour();
        if (statements.sentSince(Instant.now().minus(SEND_WINDOW)) < limit) {
            return Optional.empty();
        }
        return Optional.of("This clinic has sent " + limit + " invitations in the last hour, as many as it may. "
                + "Nothing was sent; please try again in an hour.");
    }

    private StaffMember leadTrainer(String leadTrainerId, Map<String, String> problems) {
        if (currentUser.isTrainer() && (leadTrainerId == null || leadTrainerId.isBlank())) {
            return StaffMember.signedIn(currentUser).orElse(null);
        }
        UUID id = parse(leadTrainerId);
        StaffMember lead = id == null ? null : StaffMember.find("id", id).firstResult();
        if (lead == null || !lead.active || !CurrentUser.TRAINER.equals(lead.role)) {
            problems.put("leadTrainerId", "Choose the trainer who will lead this client's care team.");
            return null;
        }
        return lead;
    }

    private Invitation save(String email, String fullName, String phone, String role, StaffMember lead, UUID userId,
            boolean newAccount, UUID requestKey) {
        UUID personId = CurrentUser.CLIENT.equals(role) ? saveClient(email, fullName, phone, lead, userId)
                : saveStaff(email, fullName, role, userId);
        Invitation invitation = new Invitation();
        invitation.id = UUID.randomUUID();
        invitation.email = email;
        invitation.fullName = fullName;
        invitation.role = role;
        invitation.userId = userId;
        invitation.personId = personId;
        invitation.newAccount = newAccount;
        invitation.status = Invitation.PENDING;
        invitation.invitedBy = currentUser.userId();
        invitation.invitedByName = currentUser.getName();
        invitation.createdAt = Instant.now();
        invitation.lastSentAt = invitation.createdAt;
        invitation.timesSent = 1;
        invitation.requestKey = requestKey;
        invitation.persist();
        return invitation;
    }

    private UUID saveClient(String email, String fullName, String phone, StaffMember lead, UUID userId) {
        // A client whose earlier invitation was revoked keeps their row (and anything prepared for them).
        Client client = Client.findByUser(userId);
        if (client == null) {
            client = new Client();
            client.id = UUID.randomUUID();
            client.userId = userId;
        }
        client.fullName = fullName;
        client.email = email;
        client.phone = phone.isEmpty() ? null : phone;
        client.active = true;
        client.persist();
        if (CareTeamMember.count("key.clientId = ?1 and lead = true", client.id) == 0) {
            CareTeamMember.delete("key.clientId = ?1 and key.staffMemberId = ?2", client.id, lead.id);
            CareTeamMember member = new CareTeamMember();
            member.key = new CareTeamMember.Key(client.id, lead.id);
            member.lead = true;
            member.persist();
        }
        return client.id;
    }

    private UUID saveStaff(String email, String fullName, String role, UUID userId) {
        StaffMember staff = StaffMember.findByUser(userId);
        if (staff == null) {
            staff = new StaffMember();
            staff.id = UUID.randomUUID();
            staff.userId = userId;
        }
        staff.fullName = fullName;
        staff.email = email;
        staff.role = role;
        staff.active = true;
        staff.persist();
        return staff.id;
    }

    private void deactivatePerson(Invitation invitation) {
        if (CurrentUser.CLIENT.equals(invitation.role)) {
            Client.update("active = false where id = ?1", invitation.personId);
        } else {
            StaffMember.update("active = false where id = ?1", invitation.personId);
        }
    }

    /** A person who was deactivated (not merely revoked before accepting) is reactivated from their page instead. */
    private boolean memberByEmail(String email) {
        Parameters byEmail = Parameters.with("email", email);
        return StaffMember.count("lower(email) = :email and (active or deactivatedAt is not null)", byEmail) > 0
                || Client.count("lower(email) = :email and (active or deactivatedAt is not null)", byEmail) > 0;
    }

    private boolean memberByAccount(UUID userId) {
        Parameters byUser = Parameters.with("user", userId);
        return StaffMember.count("userId = :user and (active or deactivatedAt is not null)", byUser) > 0
                || Client.count("userId = :user and (active or deactivatedAt is not null)", byUser) > 0;
    }

    private void send(Invitation invitation) {
        Clinic clinic = currentUser.getClinic();
        if (invitation.newAccount) {
            Duration lifespan = Duration.ofDays(config.invitations().linkDays());
            LocalDateTime expires = LocalDateTime.ofInstant(Instant.now().plus(lifespan), Clinic.zoneOf(clinic));
            keycloak.sendInvitationEmail(invitation.userId,
                    new InvitationEmail(invitation.invitedByName, clinic.name, invitation.role, lifespan, expires));
        } else {
            sendMail(Mail.withText(invitation.email, "You have been added to " + clinic.name + " on Backline",
                    "Hello " + invitation.fullName + ",\n\n" + invitation.invitedByName + " added you to "
                            + clinic.name + " on Backline (" + invitation.roleLabel().toLowerCase() + ").\n"
                            + "Sign in with your existing Backline account at " + config.baseUrl() + "/ and choose "
                            + clinic.name + " when asked which clinic.\n"));
        }
    }

    private void sendMail(Mail mail) {
        try {
            mailer.send(mail);
        } catch (RuntimeException e) {
            // Not the mail server's message: it can name the address.
            LOG.warnf("The mail server did not take an invitation: %s", SafeLog.describe(e));
            throw new KeycloakAccounts.KeycloakUnavailable("The mail server did not take the invitation", e);
        }
    }

    /** The membership goes; a password-less account goes too unless another clinic's invitation still needs it. */
    private void leaveAndDeleteIfUnused(UUID userId, boolean newAccount, String clinicId) {
        keycloak.leaveClinic(userId, clinicId);
        if (newAccount && !keycloak.belongsToAnyClinic(userId)) {
            keycloak.delete(userId);
        }
    }

    private void undo(UUID userId, boolean newAccount) {
        try {
            leaveAndDeleteIfUnused(userId, newAccount, currentUser.getClinic().id);
        } catch (RuntimeException cleanupFailed) {
            // Without the exception's message: Keycloak's can name the address.
            LOG.errorf("Could not undo the Keycloak side of a failed invitation for %s: %s", userId,
                    SafeLog.describe(cleanupFailed));
        }
    }

    private static UUID parse(String id) {
        try {
            return id == null ? null : UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
