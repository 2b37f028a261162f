package io.backline.message;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.backline.clinic.CareTeamRule;
import io.backline.clinic.ClinicSql;
import io.backline.notify.EmailSwitch;

/** The conversation's reads and the few writes Panache cannot say (an upsert, an insert-if-none). */
@ApplicationScoped
public class MessageQuery {
    /** A message as the conversation shows it, with the session's day or the flag's type it is about. */
    public record Row(UUID id, String authorName, boolean fromClient, String body, Instant writtenAt, UUID sessionId,
            LocalDate sessionOn, UUID flagId, String flagType, Instant flagReportedAt, boolean sharedNote) {
    }

    /** One choice of what a message is about: {@code session:<id>} or {@code flag:<id>}. */
    public record Choice(String value, String kind, UUID id, LocalDate sessionOn, String flagType, Instant reportedAt) {
    }

    /** A conversation in the staff's list: the client, when the last message was written, and how many are unread. */
    public record Conversation(UUID clientId, String clientName, Instant lastAt, long unread) {
    }

    /** A person to tell of a new message. */
    record Recipient(UUID userId, String email) {
    }

    private static final String CONVERSATION = """
            select g.id, g.author_name, g.from_client, g.body, g.written_at, g.session_id, s.performed_on,
                   g.flag_id, f.type, f.reported_at, g.flag_note_id is not null
            from message g
            left join session_log s on s.clinic_id = g.clinic_id and s.id = g.session_id
            left join symptom_flag f on f.clinic_id = g.clinic_id and f.id = g.flag_id
            where g.clinic_id = :clinic and g.client_id = ?
            order by g.written_at desc, g.id
            limit ?""";

    private static final String CHOICES = """
            (select 'session', id, performed_on, null, null from session_log
             where clinic_id = :clinic and client_id = ? order by performed_on desc limit 10)
            union all
            (select 'flag', id, null, type, reported_at from symptom_flag
             where clinic_id = :clinic and client_id = ? order by reported_at desc limit 10)""";

    private static final String BELONGS = """
            select count(*) from session_log where clinic_id = :clinic and client_id = ? and id = ? and ? = 'session'
            union all
            select count(*) from symptom_flag where clinic_id = :clinic and client_id = ? and id = ? and ? = 'flag'""";

    private static final String MARK_READ = """
            insert into message_read (clinic_id, client_id, user_id, read_at) values (:clinic, ?, ?, ?)
            on conflict (clinic_id, user_id, client_id) do update set read_at = greatest(message_read.read_at, excluded.read_at)""";

    /** Unread: what the client wrote after this reader's mark, per conversation the staff member sees. */
    private static final String UNREAD_BY_CLIENT = """
            select g.client_id, count(*) from message g
            left join message_read r on r.clinic_id = g.clinic_id and r.client_id = g.client_id and r.user_id = ?
            where g.clinic_id = :clinic and g.from_client and g.written_at > coalesce(r.read_at, '-infinity')
              and (? or %s)
            group by g.client_id""".formatted(CareTeamRule.onCareTeam("g.clinic_id", "g.client_id", "?"));

    private static final String CONVERSATIONS = """
            select c.id, c.full_name, max(g.written_at),
                   count(*) filter (where g.from_client and g.written_at > coalesce(r.read_at, '-infinity'))
            from message g
            join client c on c.clinic_id = g.clinic_id and c.id = g.client_id
            left join message_read r on r.clinic_id = g.clinic_id and r.client_id = g.client_id and r.user_id = ?
            where g.clinic_id = :clinic and (? or %s)
            group by c.id, c.full_name
            order by count(*) filter (where g.from_client and g.written_at > coalesce(r.read_at, '-infinity')) > 0 desc,
                max(g.written_at) desc
            limit ?""".formatted(CareTeamRule.onCareTeam("g.clinic_id", "g.client_id", "?"));

    private static final String CARE_TEAM_RECIPIENTS = """
            select s.user_id, s.email from care_team_member m
            join staff_member s on s.clinic_id = m.clinic_id and s.id = m.staff_member_id
            where m.clinic_id = :clinic and m.client_id = ? and s.active""";

    private static final String CLIENT_RECIPIENT = """
            select user_id, email from client
            where clinic_id = :clinic and id = ? and active and user_id is not null and email is not null""";

    /**
     * At most one email waits per recipient (the unique index keeps a second out), and it may go an hour after the
     * last one sent to them.
     */
    private static final String QUEUE_MAIL = """
            insert into message_mail (id, clinic_id, recipient_user_id, recipient_email, send_after)
            select ?, :clinic, ?, ?, greatest(now(), coalesce(
                (select max(sent_at) from message_mail where clinic_id = :clinic and recipient_user_id = ?
                 and sent_at is not null) + interval '1 hour', now()))
            where not exists (select 1 from message_mail_off where clinic_id = :clinic and user_id = ?)
            on conflict do nothing""";

    private static final String EMAIL_OFF = "select count(*) from message_mail_off where clinic_id = :clinic and user_id = ?";
    private static final String TURN_OFF = """
            insert into message_mail_off (clinic_id, user_id) values (:clinic, ?) on conflict do nothing""";
    private static final String TURN_ON = "delete from message_mail_off where clinic_id = :clinic and user_id = ?";

    /** For an unsubscribe link: the clinic's name and whether the email is on, when the person is in that clinic. */
    private static final String SWITCH_STATE = """
            select c.name, not exists (select 1 from message_mail_off o where o.clinic_id = c.id and o.user_id = ?)
            from clinic c where c.id = ?
              and (exists (select 1 from client x where x.clinic_id = c.id and x.user_id = ?)
                   or exists (select 1 from staff_member x where x.clinic_id = c.id and x.user_id = ?))""";
    private static final String LINK_TURN_OFF = """
            insert into message_mail_off (clinic_id, user_id) values (?, ?) on conflict do nothing""";
    private static final String LINK_DROP_WAITING = """
            delete from message_mail where clinic_id = ? and recipient_user_id = ? and sent_at is null""";

    @Inject
    ClinicSql sql;

    /** The latest {@code limit} messages of the client's conversation, newest first. */
    public List<Row> conversation(UUID clientId, int limit) {
        return sql.list(CONVERSATION, row -> new Row(row.getObject(1, UUID.class), row.getString(2), row.getBoolean(3),
                row.getString(4), ClinicSql.instant(row, 5), row.getObject(6, UUID.class),
                row.getObject(7, LocalDate.class), row.getObject(8, UUID.class), row.getString(9),
                ClinicSql.instant(row, 10), row.getBoolean(11)), clientId, limit);
    }

    /** The client's latest sessions and flags, for the "about" choice. */
    public List<Choice> choices(UUID clientId) {
        return sql.list(CHOICES, row -> new Choice(row.getString(1) + ":" + row.getObject(2, UUID.class),
                row.getString(1), row.getObject(2, UUID.class), row.getObject(3, LocalDate.class), row.getString(4),
                ClinicSql.instant(row, 5)), clientId, clientId);
    }

    /** Whether the session or flag ({@code kind} "session" or "flag") is the client's. */
    boolean belongs(UUID clientId, String kind, UUID id) {
        return sql.list(BELONGS, row -> row.getLong(1), clientId, id, kind, clientId, id, kind).stream()
                .mapToLong(Long::longValue).sum() > 0;
    }

    void markRead(UUID clientId, UUID userId, Instant at) {
        sql.update(MARK_READ, clientId, userId, at.atOffset(ZoneOffset.UTC));
    }

    /**
     * Unread messages per client, for a staff member: from the clients whose care team they are on, or every client
     * when {@code admin}. For the dashboard's column as well as the staff's list of conversations.
     */
    public Map<UUID, Long> unreadByClient(UUID readerUserId, boolean admin, UUID staffMemberId) {
        Map<UUID, Long> unread = new LinkedHashMap<>();
        sql.list(UNREAD_BY_CLIENT, row -> unread.put(row.getObject(1, UUID.class), row.getLong(2)), readerUserId, admin,
                staffMemberId);
        return unread;
    }

    /** The conversations a staff member sees, those with unread messages first, then the latest. */
    public List<Conversation> conversations(UUID readerUserId, boolean admin, UUID staffMemberId, int limit) {
        return sql.list(CONVERSATIONS, row -> new Conversation(row.getObject(1, UUID.class), row.getString(2),
                ClinicSql.instant(row, 3), row.getLong(4)), readerUserId, admin, staffMemberId, limit);
    }

    List<Recipient> recipients(UUID clientId, boolean toClient) {
        return sql.list(toClient ? CLIENT_RECIPIENT : CARE_TEAM_RECIPIENTS,
                row -> new Recipient(row.getObject(1, UUID.class), row.getString(2)), clientId);
    }

    void queueMail(Recipient recipient) {
        sql.update(QUEUE_MAIL, UUID.randomUUID(), recipient.userId(), recipient.email(), recipient.userId(),
                recipient.userId());
    }

    /** Whether the person gets the "new message" email. */
    public boolean emailOn(UUID userId) {
        return sql.list(EMAIL_OFF, row -> row.getLong(1), userId).get(0) == 0;
    }

    void setEmail(UUID userId, boolean on) {
        sql.update(on ? TURN_ON : TURN_OFF, userId);
    }

    /** The state an unsubscribe link shows; the link names its clinic, as no one is signed in. */
    Optional<EmailSwitch.State> switchState(String clinicId, UUID userId) {
        // Across clinics: the signed link names the clinic; the person must be in it.
        return sql.listAcrossClinics(SWITCH_STATE, row -> new EmailSwitch.State(row.getString(1), row.getBoolean(2)),
                userId, clinicId, userId, userId).stream().findFirst();
    }

    /** Turns the email off from an unsubscribe link, and drops the one still waiting. */
    void turnOffByLink(String clinicId, UUID userId) {
        // Across clinics: the signed link names the clinic, checked by switchState first.
        sql.updateAcrossClinics(LINK_TURN_OFF, clinicId, userId);
        sql.updateAcrossClinics(LINK_DROP_WAITING, clinicId, userId);
    }
}
