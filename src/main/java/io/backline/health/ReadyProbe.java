package io.backline.health;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * A container health check for images without a shell or curl (deploy/compose.yaml runs it with the image's own
 * java): exits 0 when the management port's {@code /q/health/ready} answers 200, 1 otherwise.
 */
public final class ReadyProbe {
    private ReadyProbe() {
    }

    public static void main(String[] args) {
        String port = System.getenv().getOrDefault("QUARKUS_MANAGEMENT_PORT", "9000");
        System.exit(ready("http://127.0.0.1:" + port + "/q/health/ready") ? 0 : 1);
    }

    public static boolean ready(String url) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(5000);
            try {
                return connection.getResponseCode() == 200;
            } finally {
                connection.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }
}
