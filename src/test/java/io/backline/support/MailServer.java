package io.backline.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real SMTP server (GreenMail) on localhost:3025 for the whole suite; tests can stop and restart it. */
public class MailServer implements QuarkusTestResourceLifecycleManager {
    private static final ServerSetup SMTP = new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    private static volatile GreenMail server;

    @Override
    public Map<String, String> start() {
        startSmtp();
        return Map.of();
    }

    @Override
    public void stop() {
        stopSmtp();
    }

    public static synchronized void startSmtp() {
        if (server == null) {
            server = new GreenMail(SMTP);
            server.start();
        }
    }

    /** Takes the SMTP server away, as in an outage. */
    public static synchronized void stopSmtp() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /**
     * Replaces the SMTP server with one that accepts connections and never answers, as a hung or firewalled server
     * does; closing it brings the real one back.
     */
    public static AutoCloseable silence() throws IOException {
        stopSmtp();
        ServerSocket silent = new ServerSocket();
        silent.setReuseAddress(true);
        silent.bind(new InetSocketAddress("127.0.0.1", SMTP.getPort()));
        List<Socket> held = new CopyOnWriteArrayList<>();
        Thread acceptor = Thread.ofVirtual().start(() -> {
            while (!silent.isClosed()) {
                try {
                    held.add(silent.accept());
                } catch (IOException closed) {
                    return;
                }
            }
        });
        return () -> {
            silent.close();
            acceptor.join();
            for (Socket socket : held) {
                socket.close();
            }
            startSmtp();
        };
    }

    /** Every message received since the server (re)started, as text: recipients, subject and body. */
    public static List<String> messages() {
        GreenMail current = server;
        if (current == null) {
            return List.of();
        }
        return Arrays.stream(current.getReceivedMessages()).map(MailServer::text).toList();
    }

    /** Every message received since the server (re)started, with its headers. */
    public static List<MimeMessage> received() {
        GreenMail current = server;
        return current == null ? List.of() : List.of(current.getReceivedMessages());
    }

    /** Waits up to the given time for messages that contain the text. */
    public static List<String> awaitMessagesContaining(String text, int count, Duration timeout, String... alsoContaining) {
        long end = System.nanoTime() + timeout.toNanos();
        List<String> found;
        do {
            found = messages().stream().filter(message -> message.contains(text))
                    .filter(message -> Arrays.stream(alsoContaining).allMatch(message::contains)).toList();
            if (found.size() >= count) {
                return found;
            }
            sleep();
        } while (System.nanoTime() < end);
        return found;
    }

    /**
     * The one message that contains the text: waits for it, then keeps watching for the given window and fails if a
     * second one arrives (an outbox that sent twice would show it there).
     */
    public static String exactlyOne(String text, Duration window, String... alsoContaining) {
        List<String> first = awaitMessagesContaining(text, 1, Duration.ofSeconds(30), alsoContaining);
        if (first.isEmpty()) {
            throw new AssertionError("No email containing " + text);
        }
        long end = System.nanoTime() + window.toNanos();
        List<String> found;
        do {
            found = messages().stream().filter(message -> message.contains(text))
                    .filter(message -> Arrays.stream(alsoContaining).allMatch(message::contains)).toList();
            if (found.size() > 1) {
                throw new AssertionError(found.size() + " emails containing " + text + ", expected exactly one");
            }
            sleep();
        } while (System.nanoTime() < end);
        return found.get(0);
    }

    private static String text(MimeMessage message) {
        try {
            return "To: " + String.join(",", Arrays.stream(message.getAllRecipients()).map(Object::toString).toList())
                    + "\nSubject: " + message.getSubject() + "\n\n" + decoded(message);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body as a reader sees it: multipart parts and quoted-printable decoded (Keycloak sends both). */
    private static String decoded(jakarta.mail.Part part) throws jakarta.mail.MessagingException {
        try {
            Object content = part.getContent();
            if (content instanceof jakarta.mail.Multipart multipart) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    text.append(decoded(multipart.getBodyPart(i))).append('\n');
                }
                return text.toString();
            }
            return String.valueOf(content);
        } catch (java.io.IOException e) {
            return GreenMailUtil.getBody(part);
        }
    }

    /** The first link in a message that starts with the given address. */
    public static String link(String message, String startingWith) {
        var matcher = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(startingWith) + "[^\\s\"<>]*")
                .matcher(message);
        if (!matcher.find()) {
            throw new AssertionError("No link to " + startingWith + " in:\n" + message);
        }
        return matcher.group().replace("&amp;", "&");
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
