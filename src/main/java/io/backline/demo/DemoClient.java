package io.backline.demo;

import io.backline.people.Client;
import io.backline.people.StaffMember;
import io.backline.program.Assignment;
import io.backline.symptom.SymptomFlag;

/** A demo client once their program, sessions and flags are built: what the referrals and messages refer to. */
record DemoClient(Client client, StaffMember trainer, DemoCast.Part part, Assignment assignment, SymptomFlag flag) {

    DemoCast.Story story() {
        return part.story();
    }
}
