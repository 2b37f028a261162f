package io.backline.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The demo history is built in dev mode only: production and the tests never set it, and it is off by default. */
class DemoHistoryOnlyInDevTest {

    @Test
    void onlyTheDevProfileTurnsTheDemoHistoryOn() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        List<String> keys = properties.stringPropertyNames().stream().filter(k -> k.contains("demo.history")).sorted()
                .toList();
        assertEquals(List.of("%dev.backline.demo.history"), keys);
        assertEquals("true", properties.getProperty("%dev.backline.demo.history"));
    }

    @Test
    void theSettingIsOffUnlessSet() throws NoSuchMethodException {
        var history = io.backline.config.BacklineConfig.Demo.class.getMethod("history");
        assertEquals("false", history.getAnnotation(io.smallrye.config.WithDefault.class).value());
    }
}
