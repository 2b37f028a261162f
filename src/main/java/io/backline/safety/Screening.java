package io.backline.safety;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.TenantId;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One set of answers to the pre-exercise questions; the newest set counts. Part of the client's health record. */
@Entity
public class Screening extends PanacheEntityBase {
    @Id
    public UUID id;

    @TenantId
    @Column(name = "clinic_id", nullable = false, updatable = false)
    public String clinicId;

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
