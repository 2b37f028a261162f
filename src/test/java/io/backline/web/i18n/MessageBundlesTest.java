package io.backline.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.backline.program.ProgramTexts;
import io.backline.symptom.FlagRules;

/** Every word a client reads exists in both languages, and the Spanish safety wording says what the rule says. */
class MessageBundlesTest {
    private static final Properties ENGLISH = load("messages.properties");
    private static final Properties SPANISH = load("messages_es.properties");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("[{=]m:([A-Za-z0-9_.]+)");

    @Test
    void everyEnglishKeyHasItsSpanishAndEverySpanishKeyItsEnglish() {
        TreeSet<String> onlyEnglish = new TreeSet<>(ENGLISH.stringPropertyNames());
        onlyEnglish.removeAll(SPANISH.stringPropertyNames());
        TreeSet<String> onlySpanish = new TreeSet<>(SPANISH.stringPropertyNames());
        onlySpanish.removeAll(ENGLISH.stringPropertyNames());
        assertEquals(new TreeSet<>(), onlyEnglish, "keys missing from messages_es.properties");
        assertEquals(new TreeSet<>(), onlySpanish, "keys missing from messages.properties");
    }

    @Test
    void everyFormMessageIsInBothLanguages() {
        Properties english = load("ValidationMessages.properties");
        Properties spanish = load("ValidationMessages_es.properties");
        assertEquals(new TreeSet<>(english.stringPropertyNames()), new TreeSet<>(spanish.stringPropertyNames()));
    }

    @Test
    void everyKeyATemplateUsesIsInTheBundle() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : files.filter(file -> file.toString().endsWith(".html")).toList()) {
                Matcher key = TEMPLATE_KEY.matcher(Files.readString(template));
                while (key.find()) {
                    if (!ENGLISH.containsKey(key.group(1))) {
                        missing.add(template + ": " + key.group(1));
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void eachMessageTakesTheSameArgumentsInBothLanguages() {
        List<String> different = new ArrayList<>();
        for (String key : ENGLISH.stringPropertyNames()) {
            if (arguments(ENGLISH.getProperty(key)) != arguments(SPANISH.getProperty(key, ""))) {
                different.add(key);
            }
        }
        assertEquals(List.of(), different, "a %s more or less in one language");
    }

    @Test
    void everyAnswerOfTheReportFormHasItsWords() {
        List<Enum<?>> answers = new ArrayList<>();
        answers.addAll(List.of(FlagRules.Type.values()));
        answers.addAll(List.of(FlagRules.Region.values()));
        answers.addAll(List.of(FlagRules.When.values()));
        answers.addAll(List.of(FlagRules.Sign.values()));
        answers.addAll(List.of(FlagRules.Level.values()));
        for (Enum<?> answer : answers) {
            assertTrue(SPANISH.containsKey(EnumTexts.key(answer)), EnumTexts.key(answer));
        }
        // The English words are the ones staff read on their pages.
        for (FlagRules.Type type : FlagRules.Type.values()) {
            assertEquals(type.label, ENGLISH.getProperty(EnumTexts.key(type)));
        }
        for (FlagRules.Sign sign : FlagRules.Sign.values()) {
            assertEquals(sign.label, ENGLISH.getProperty(EnumTexts.key(sign)));
        }
    }

    @Test
    void theEnglishBundleSaysTheBuiltInProgramAsItsFileDoes() {
        for (String[] key : ProgramTexts.englishKeys()) {
            assertEquals(key[1], ENGLISH.getProperty(key[0]), key[0]);
            assertTrue(SPANISH.containsKey(key[0]), key[0]);
        }
    }

    @Test
    void theSpanishStopRuleSaysStopAtOnceAndSeeAHealthProfessional() {
        for (String key : List.of("safety.rule", "program.thoracic.stopRule")) {
            String rule = SPANISH.getProperty(key);
            assertTrue(rule.contains("aumenta su dolor o cualquier otro síntoma"), rule);
            assertTrue(rule.contains("inseguro"), rule);
            assertTrue(rule.contains("Deténgase de inmediato") || rule.contains("deténgase de inmediato"), rule);
            assertTrue(rule.contains("profesional de la salud"), rule);
        }
        assertTrue(SPANISH.getProperty("program.thoracic.disclaimer").startsWith("Este programa no es un consejo médico."));
        assertTrue(SPANISH.getProperty("layout.footer").contains("No da consejos médicos."));
    }

    private static int arguments(String message) {
        Matcher argument = Pattern.compile("%s").matcher(message.replace("%%", ""));
        int count = 0;
        while (argument.find()) {
            count++;
        }
        return count;
    }

    private static Properties load(String name) {
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
