package io.backline.audit;

import java.util.UUID;

/**
 * What an audit entry is about: a client, or something of the clinic's that is not a client's health data. A referral
 * names its client too, so it shows in that client's access log.
 */
public record AuditSubject(Kind kind, String id, UUID clientId) {

    /** The kinds the database accepts ({@code audit_event_subject_kind}), with the admin page's word for each. */
    public enum Kind {
        CLIENT("client", "Client"),
        STAFF("staff", "Staff member"),
        CLINIC("clinic", "Clinic"),
        INVITATION("invitation", "Invitation"),
        PROGRAM("program", "Program"),
        IMPORT("import", "Provider import"),
        SIGN_IN("sign-in", "Sign-in"),
        REFERRAL("referral", "Referral");

        public final String code;
        public final String label;

        Kind(String code, String label) {
            this.code = code;
            this.label = label;
        }

        public static Kind of(String code) {
            for (Kind kind : values()) {
                if (kind.code.equals(code)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("No audit subject kind " + code);
        }
    }

    public static AuditSubject client(UUID clientId) {
        return new AuditSubject(Kind.CLIENT, null, clientId);
    }

    public static AuditSubject staff(UUID staffMemberId) {
        return new AuditSubject(Kind.STAFF, staffMemberId.toString(), null);
    }

    /** The clinic as a whole: its settings, or a page that lists many clients (dashboard, flag queue). */
    public static AuditSubject clinic() {
        return new AuditSubject(Kind.CLINIC, null, null);
    }

    public static AuditSubject invitation(UUID invitationId) {
        return new AuditSubject(Kind.INVITATION, invitationId.toString(), null);
    }

    public static AuditSubject program(UUID programId) {
        return new AuditSubject(Kind.PROGRAM, programId.toString(), null);
    }

    public static AuditSubject providerImport(UUID importId) {
        return new AuditSubject(Kind.IMPORT, importId.toString(), null);
    }

    public static AuditSubject referral(UUID referralId, UUID clientId) {
        return new AuditSubject(Kind.REFERRAL, referralId.toString(), clientId);
    }

    /** A sign-in; a client's names their record, so it shows in their access log. */
    static AuditSubject signIn(UUID clientId) {
        return new AuditSubject(Kind.SIGN_IN, null, clientId);
    }
}
