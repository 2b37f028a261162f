package io.backline.program;

import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.backline.clinic.Clinic;
import io.backline.clinic.CurrentClinic;
import io.backline.safety.ScreeningAnswered;

/** A "yes" to the pre-exercise questions puts a program already assigned on hold, in the answers' transaction. */
@ApplicationScoped
public class PauseUntilCleared {
    @Inject
    AssignmentService assignments;
    @Inject
    CurrentClinic currentClinic;

    void onScreening(@Observes ScreeningAnswered answered) {
        LocalDate today = LocalDate.now(Clinic.zoneOf(Clinic.findById(currentClinic.requireId())));
        for (Assignment assignment : assignments.assignmentsOf(answered.clientId())) {
            assignments.pause(assignment, answered.reason(), answered.actorUserId(), today);
        }
    }
}
