package io.backline.practice;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/** The sessions the client's progress page lists and charts, through the tenant filter, newest first. */
@ApplicationScoped
class ProgressQuery {

    /** One page of every session the client recorded, and one more to tell whether another page follows. */
    List<SessionLog> history(UUID clientId, int pageIndex, int pageSize) {
        int first = pageIndex * pageSize;
        return SessionLog.<SessionLog> find("clientId = ?1 order by performedOn desc, recordedAt desc", clientId)
                .range(first, first + pageSize).list();
    }

    /** The latest sessions of an assignment, for its charts. */
    List<SessionLog> recent(UUID assignmentId, int count) {
        return SessionLog.<SessionLog> find("assignmentId = ?1 order by performedOn desc", assignmentId)
                .range(0, count - 1).list();
    }
}
