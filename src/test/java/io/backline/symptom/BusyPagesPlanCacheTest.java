package io.backline.symptom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;

import io.backline.support.SignIn;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The flag badge's count runs on every staff page, and the dashboard and flag queue are a trainer's busiest pages:
 * their query plans must be found in Hibernate's cache on every visit after the first. (A count asked for as {@code Long.class} never was: each run added a plan, and looking one up
 * got slower as they piled up.)
 */
@QuarkusTest
class BusyPagesPlanCacheTest {

    @Inject
    SessionFactory sessionFactory;

    @Inject
    io.quarkus.scheduler.Scheduler scheduler;

    @Test
    void theBusiestPagesReuseTheirQueryPlans() {
        var trainer = SignIn.as("rose-trainer");
        for (String page : new String[] { "/flags/count", "/dashboard", "/flags" }) {
            trainer.request().get(page).then().statusCode(200);
            scheduler.pause();
            try {
                long missesBefore = sessionFactory.getStatistics().getQueryPlanCacheMissCount();
                for (int i = 0; i < 5; i++) {
                    trainer.request().get(page).then().statusCode(200);
                }
                assertEquals(missesBefore, sessionFactory.getStatistics().getQueryPlanCacheMissCount(),
                        "query plan cache misses during 5 visits of " + page);
            } finally {
                scheduler.resume();
            }
        }
    }
}
