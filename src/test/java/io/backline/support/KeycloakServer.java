package io.backline.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The real Keycloak for the tests, started through the same script as dev mode: reused when one already answers
 * on its port (the Maven build starts one), started otherwise (a test run from an IDE), and stopped only if this
 * resource started it. The script's watchdog also stops it if this JVM dies first.
 */
public class KeycloakServer implements QuarkusTestResourceLifecycleManager {
    private static final Path SCRIPT = Path.of("deploy/keycloak/dev-keycloak.sh");
    private boolean startedHere;

    @Override
    public Map<String, String> start() {
        String output = run("start", String.valueOf(ProcessHandle.current().pid()));
        startedHere = output.contains("Starting Keycloak");
        return Map.of();
    }

    @Override
    public void stop() {
        if (startedHere) {
            run("stop");
        }
    }

    private static String run(String... args) {
        String home = System.getProperty("keycloak.home", "target/keycloak-26.7.3");
        var command = new java.util.ArrayList<String>(java.util.List.of("bash", SCRIPT.toString(), args[0], home));
        command.addAll(java.util.Arrays.asList(args).subList(1, args.length));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("Keycloak did not start:\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
