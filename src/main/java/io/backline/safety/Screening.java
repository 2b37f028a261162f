package io.backline.safety;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.backline.clinic.ClinicOwned;

/** One set of answers to the pre-exercise questions; the newest set counts. Part of the client's health record. */
@Entity
public class Screening extends ClinicOwned {
    @Id
    public UUID id;

    public UUID clientId;
    /** The questions answered "yes", by name. */
    public String[] yesAnswers = new String[0];
    public UUID answeredBy;
    public boolean answeredByStaff;
    public Instant answeredAt;
    public UUID requestKey;

    public boolean needsClearance() {
        return yesAnswers.length > 0;
    }

    public List<ScreeningQuestion> yesList() {
        List<ScreeningQuestion> yes = new ArrayList<>();
        for (String name : yesAnswers) {
            for (ScreeningQuestion question : ScreeningQuestion.values()) {
                if (question.name().equals(name)) {
                    yes.add(question);
                }
            }
        }
        return yes;
    }
}
