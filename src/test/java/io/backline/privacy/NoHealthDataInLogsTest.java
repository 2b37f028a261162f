package io.backline.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.jboss.logmanager.LogManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A write fails on a row whose note carries a unique marker (PostgreSQL quotes the whole failing row in its message).
 * Everything logged meanwhile, messages and exceptions with their causes, is captured: the marker is in none of it,
 * while the log still says what failed and where.
 */
@QuarkusTest
class NoHealthDataInLogsTest {
    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder text = new StringBuilder("[" + record.getLoggerName() + "] " + record.getMessage());
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    text.append(' ').append(parameter);
                }
            }
            if (record.getThrown() != null) {
                StringWriter stack = new StringWriter();
                record.getThrown().printStackTrace(new PrintWriter(stack));
                text.append('\n').append(stack);
            }
            logged.add(text.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureEveryLogRecord() {
        LogManager.getLogManager().getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        LogManager.getLogManager().getLogger("").removeHandler(capture);
    }

    @Test
    void aFailedWriteLogsWhatFailedButNotTheRow() {
        String marker = "knee-pain-marker-" + UUID.randomUUID();

        given().queryParam("note", marker).get("/test-only/failing-write")
                .then().statusCode(500).body(containsString("reference"), org.hamcrest.Matchers.not(containsString(marker)));

        String all = String.join("\n", logged);
        assertTrue(all.contains("Unexpected error, reference"), "the failure is logged:\n" + all);
        assertTrue(all.contains("SQL state 23502"), "with what kind of failure it was:\n" + all);
        assertFalse(all.contains(marker), "the row's note reached the logs:\n" + all);
    }
}
