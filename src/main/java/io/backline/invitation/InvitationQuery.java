package io.backline.invitation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.query.NativeQuery;

import io.backline.clinic.CareTeamRule;
import io.backline.clinic.ClinicSql;

/** The invitation's statements beyond its entity: the address lock, who manages which, and the hour's sends. */
@ApplicationScoped
class InvitationQuery {
    /**
     * Who manages an invitation: an admin any of the clinic's; a trainer a client's invitation that they sent or whose
     * client is on their care team.
     */
    private static final String MANAGED_BY = "(:admin or (i.role = 'client' and (i.invited_by = :user or "
            + CareTeamRule.onCareTeam("i.clinic_id", "i.person_id", ":staff") + ")))";
    private static final String PENDING = """
            select {i.*} from invitation i where i.clinic_id = :clinic and i.status = 'pending' and %s
            order by i.created_at desc""".formatted(MANAGED_BY);
    private static final String ONE = """
            select {i.*} from invitation i where i.clinic_id = :clinic and i.id = :id and %s""".formatted(MANAGED_BY);
    /** Each invitation's first email, and its latest resend (resends wait a minute between them). */
    private static final String SENT_SINCE = """
            select count(*) filter (where created_at >= ?) + count(*) filter (where last_sent_at > created_at)
            from invitation where clinic_id = :clinic and last_sent_at >= ?""";

    @Inject
    ClinicSql sql;

    /**
     * Holds, until the transaction ends, a lock on this clinic's invitations to the address: one invitation per
     * clinic and address at a time, even when the same form arrives twice at once.
     */
    void lockAddress(String email) {
        sql.query("select pg_advisory_xact_lock(hashtext(:clinic || '|' || :email))").setParameter("email", email)
                .getSingleResult();
    }

    /** The pending invitations this person manages, newest first. */
    List<Invitation> pendingManagedBy(Manager manager) {
        return manager.bind(sql.query(PENDING).addEntity("i", Invitation.class)).getResultList().stream()
                .map(Invitation.class::cast).toList();
    }

    /** One invitation, whatever its state, when this person manages it. */
    Optional<Invitation> managedBy(UUID id, Manager manager) {
        return manager.bind(sql.query(ONE).addEntity("i", Invitation.class).setParameter("id", id)).getResultList()
                .stream().map(Invitation.class::cast).findFirst();
    }

    /** How many invitation emails the clinic sent since then, as the invitation table records them. */
    long sentSince(Instant since) {
        return sql.list(SENT_SINCE, row -> row.getLong(1), since, since).get(0);
    }

    /** The signed-in staff member, as the rule above needs them. */
    record Manager(boolean admin, UUID userId, UUID staffMemberId) {
        /** A trainer with no staff row manages only what they sent. */
        private static final UUID NOBODY = new UUID(0, 0);

        NativeQuery<?> bind(NativeQuery<?> query) {
            return query.setParameter("admin", admin).setParameter("user", userId)
                    .setParameter("staff", staffMemberId == null ? NOBODY : staffMemberId);
        }
    }
}
