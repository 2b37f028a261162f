package io.backline.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import io.quarkiverse.renarde.Controller;

/**
 * Links are type-checked: a template names a controller method ({@code {uri:Flags.flag(id)}}), Java uses
 * {@code Router.getURI} or {@code redirect(…)}. Renarde resolves {@code uri:} when a page renders, so this test makes
 * a renamed or removed route fail the build instead, and keeps hand-written application paths from coming back.
 */
class LinksTest {
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path SOURCES = Path.of("src/main/java");
    /** {@code {uri:…}} in text, and {@code path=uri:…} as a tag's parameter (the pager's). */
    private static final Pattern URI = Pattern.compile("(?:\\{|=)uri(?:abs)?:(\\w+)\\.(\\w+)\\(");
    /** Where a typed reference would make a package cycle, Java names the route as text; checked here too. */
    private static final Pattern NAMED_ROUTE = Pattern.compile("Router\\.findURI\\(\"(\\w+)\\.(\\w+)\"");
    /** Paths that are not controller routes: static files, the health and API documents. */
    private static final Pattern NOT_A_ROUTE = Pattern.compile("/(css|js|img|fonts|favicon|q)/?.*");
    private static final Pattern TEMPLATE_PATH = Pattern.compile("(?:href|action|formaction|hx-\\w+)=\"(/[^\"]*)\"");
    private static final Pattern JAVA_PATH = Pattern.compile("(?:seeOther|URI\\.create|redirect)\\(\"(/[^\"]*)\"");

    private static final Map<String, List<Method>> CONTROLLER_METHODS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.backline").stream()
            .filter(type -> type.isAssignableTo(Controller.class))
            .collect(Collectors.toMap(JavaClass::getSimpleName, type -> Arrays.stream(type.reflect().getDeclaredMethods())
                    .filter(method -> Modifier.isPublic(method.getModifiers())).toList()));

    @Test
    void everyTemplateLinkNamesAControllerMethodWithItsParameters() {
        List<String> broken = new ArrayList<>();
        for (Path template : files(TEMPLATES, ".html")) {
            String text = read(template);
            Matcher link = URI.matcher(text);
            while (link.find()) {
                int arguments = argumentCount(text, link.end());
                String route = link.group(1) + "." + link.group(2);
                boolean found = CONTROLLER_METHODS.getOrDefault(link.group(1), List.of()).stream()
                        .anyMatch(method -> method.getName().equals(link.group(2)) && takes(method, arguments));
                if (!found) {
                    broken.add(TEMPLATES.relativize(template) + ": " + route + " with " + arguments + " arguments");
                }
            }
        }
        assertEquals(List.of(), broken, "links to no controller method");
    }

    @Test
    void everyRouteNamedInJavaIsAControllerMethod() {
        List<String> broken = new ArrayList<>();
        for (Path source : files(SOURCES, ".java")) {
            Matcher route = NAMED_ROUTE.matcher(read(source));
            while (route.find()) {
                if (CONTROLLER_METHODS.getOrDefault(route.group(1), List.of()).stream()
                        .noneMatch(method -> method.getName().equals(route.group(2)))) {
                    broken.add(source + ": " + route.group(1) + "." + route.group(2));
                }
            }
        }
        assertEquals(List.of(), broken, "routes named in Java that no controller has");
    }

    @Test
    void noTemplateWritesAnApplicationPathByHand() {
        assertEquals(List.of(), handWritten(files(TEMPLATES, ".html"), TEMPLATE_PATH), "use {uri:Controller.method(…)}");
    }

    @Test
    void noControllerOrServiceRedirectsToAPathWrittenByHand() {
        assertEquals(List.of(), handWritten(files(SOURCES, ".java"), JAVA_PATH), "use Router.getURI or redirect(…)");
    }

    private static List<String> handWritten(List<Path> files, Pattern path) {
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            Matcher matcher = path.matcher(read(file));
            while (matcher.find()) {
                if (!NOT_A_ROUTE.matcher(matcher.group(1)).matches()) {
                    found.add(file + ": " + matcher.group(1));
                }
            }
        }
        return found;
    }

    /**
     * Renarde reads a link's arguments by the method's parameter positions and uses only the path and query ones, so
     * a link gives at least every parameter up to the last of those, and at most all of them.
     */
    private static boolean takes(Method method, int arguments) {
        Parameter[] parameters = method.getParameters();
        int needed = 0;
        for (int i = 0; i < parameters.length; i++) {
            if (Stream.of(RestPath.class, PathParam.class, RestQuery.class, QueryParam.class)
                    .anyMatch(parameters[i]::isAnnotationPresent)) {
                needed = i + 1;
            }
        }
        return arguments >= needed && arguments <= parameters.length;
    }

    /** Arguments up to the call's closing bracket, counting commas outside quotes and nested brackets. */
    private static int argumentCount(String text, int start) {
        int depth = 0;
        int commas = 0;
        boolean quoted = false;
        boolean any = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                if (depth-- == 0) {
                    return any ? commas + 1 : 0;
                }
            } else if (!quoted && depth == 0 && c == ',') {
                commas++;
            }
            any |= !Character.isWhitespace(c) && !(depth == 0 && c == ')');
        }
        throw new IllegalStateException("unclosed {uri:…} call");
    }

    private static List<Path> files(Path root, String suffix) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(path -> path.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
