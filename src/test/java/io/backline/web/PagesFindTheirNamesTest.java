package io.backline.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.backline.support.Demo;
import io.backline.support.SignIn;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The pages people open most read every name where it is: none makes Qute search its value resolvers (over 160), the
 * cost that a page block inside the layout's {@code {#let}}, an argument a tag was not given or a loop reading an
 * outer name brings back without failing anything (docs/adr/0010, 0059).
 */
@QuarkusTest
class PagesFindTheirNamesTest {
    @Inject
    ResolverSearchProbe probe;

    private Map<String, Long> searchesOf(SignIn.Session session, String path) {
        // The first views draw and keep the page's unchanging parts ({#cached}); the next shows what every view costs.
        session.request().get(path).then().statusCode(200);
        session.request().get(path).then().statusCode(200);
        probe.reset();
        session.request().get(path).then().statusCode(200);
        return probe.searches();
    }

    @Test
    void theClientsTodayPage() {
        assertEquals(Map.of(), searchesOf(SignIn.as("rose-client1"), "/today"));
    }

    @Test
    void theTrainersPages() {
        var trainer = SignIn.as("rose-trainer");
        assertEquals(Map.of(), searchesOf(trainer, "/dashboard"), "dashboard");
        assertEquals(Map.of(), searchesOf(trainer, "/flags"), "flag queue");
        assertEquals(Map.of(), searchesOf(trainer, "/clients/" + Demo.clientId("rose-client1")), "client page");
        assertEquals(Map.of(), searchesOf(trainer, "/directory?q=deep+tissue&near=97005&radius=6"), "directory");
    }
}
