package io.backline.clinic;

/**
 * Who on a clinic's staff sees a client, spelled once for every statement: an admin sees every client of the clinic,
 * a trainer the clients whose care team they are on. A client sees only themself (their own pages read by user id).
 */
public final class CareTeamRule {
    private CareTeamRule() {
    }

    /**
     * SQL true when the staff member is on the care team of the client in {@code clientIdColumn}, a column of a row
     * whose clinic is in {@code clinicIdColumn}; {@code staffMember} is the statement's placeholder or column for the
     * staff member's id ({@code ?}, {@code :staff} or {@code s.id}).
     */
    public static String onCareTeam(String clinicIdColumn, String clientIdColumn, String staffMember) {
        return "exists (select 1 from care_team_member m where m.clinic_id = " + clinicIdColumn
                + " and m.client_id = " + clientIdColumn + " and m.staff_member_id = " + staffMember + ")";
    }

    /**
     * The rule as a join, for a statement that lists one staff member's clients: the planner starts from their care
     * team rather than from the whole clinic's clients.
     */
    public static String joinCareTeam(String clinicIdColumn, String clientIdColumn, String staffMember) {
        return "join care_team_member m on m.clinic_id = " + clinicIdColumn + " and m.client_id = " + clientIdColumn
                + " and m.staff_member_id = " + staffMember;
    }

    /** The clients of one staff member's care teams, for {@code client_id in (…)}. */
    public static String clientIdsOf(String clinicIdColumn, String staffMember) {
        return "(select m.client_id from care_team_member m where m.clinic_id = " + clinicIdColumn
                + " and m.staff_member_id = " + staffMember + ")";
    }

    /** The same rule in HQL, over the {@code CareTeamMember} entity, for Panache queries. */
    public static String onCareTeamHql(String clientId, String staffMember) {
        return "exists (from CareTeamMember m where m.key.clientId = " + clientId + " and m.key.staffMemberId = "
                + staffMember + ")";
    }

    /** As {@link #onCareTeam}, or every client when {@code admin} (a boolean placeholder or column) is true. */
    public static String visibleTo(String admin, String clinicIdColumn, String clientIdColumn, String staffMember) {
        return "(" + admin + " or " + onCareTeam(clinicIdColumn, clientIdColumn, staffMember) + ")";
    }
}
