package io.backline.demo;

import java.util.List;
import java.util.UUID;

/**
 * Who is who in the demo clinics of db/demo and deploy/keycloak/backline-realm.json, and the story each demo client
 * tells. People are found by their demo email address, so nothing here repeats the SQL's ids.
 */
record DemoCast(String clinicId, String prefix, String domain, List<Caseload> caseloads, Invitee invitee) {

    /** What a client's history shows a trainer. */
    enum Story {
        /** Three sessions a week, nearly every week; an amber flag the trainer acknowledged. */
        ON_TARGET,
        /** Sessions thinning out, then a red flag two days ago: the program is paused until a clearance. */
        SLIPPING,
        /** Regular at first, no session for over two weeks now. */
        DISENGAGED
    }

    /** One demo client: which of the demo logins, the story, and how many weeks ago the program started. */
    record Part(int number, Story story, int weeks) {
    }

    /** A trainer and the clients whose care team they lead. */
    record Caseload(String trainer, List<Part> clients) {
    }

    /** The person invited and not yet signed in; their Keycloak account is in the dev realm, without a password. */
    record Invitee(UUID invitationId, UUID staffId, UUID userId, String fullName, String email) {
    }

    static final List<DemoCast> CLINICS = List.of(
            new DemoCast("rose-city", "rose", "rosecitymovement.example", List.of(
                    new Caseload("trainer", List.of(new Part(1, Story.ON_TARGET, 8), new Part(2, Story.SLIPPING, 6),
                            new Part(3, Story.DISENGAGED, 5))),
                    new Caseload("trainer2", List.of(new Part(4, Story.ON_TARGET, 10), new Part(5, Story.SLIPPING, 4)))),
                    new Invitee(UUID.fromString("25d44db8-cd5b-5bea-94b7-a68d2ae5ecd0"),
                            UUID.fromString("42327090-d656-5095-8156-73fcce7c4faf"),
                            UUID.fromString("79cd7757-1e15-5ad5-8891-8d25514a57af"), "Lena Fischer",
                            "lena.fischer@rosecitymovement.example")),
            new DemoCast("cedar-hills", "cedar", "cedarhillsstrength.example", List.of(
                    new Caseload("trainer", List.of(new Part(1, Story.ON_TARGET, 9), new Part(2, Story.SLIPPING, 7),
                            new Part(3, Story.DISENGAGED, 4))),
                    new Caseload("trainer2", List.of(new Part(4, Story.ON_TARGET, 3), new Part(5, Story.SLIPPING, 6)))),
                    new Invitee(UUID.fromString("8f85a17e-21f4-5c37-a895-6b6e9ef38135"),
                            UUID.fromString("bc7db34d-4182-51da-8519-5e4e1af7044a"),
                            UUID.fromString("fb31d6ea-38f4-5a4a-8ded-5fcb3a05a12f"), "Marco Silva",
                            "marco.silva@cedarhillsstrength.example")));

    String email(String login) {
        return prefix + "-" + login + "@" + domain;
    }

    String clientEmail(int number) {
        return email("client" + number);
    }
}
