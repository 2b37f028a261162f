package io.backline.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Reads the files under deploy/ for the deploy tests: YAML documents as plain maps, kustomize overlays rendered by
 * kubectl's kustomize (the pinned one deploy/kubernetes/check/install-tools.sh installs), and the variables the
 * production profile of application.properties requires.
 */
final class DeployFiles {
    static final Path ROOT = Path.of("").toAbsolutePath();
    static final Path DEPLOY = ROOT.resolve("deploy");
    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private DeployFiles() {
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every YAML document of a file, as a map (empty documents left out). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> documents(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (String text : read(file).split("(?m)^---\\s*$")) {
            if (text.lines().anyMatch(line -> !line.isBlank() && !line.strip().startsWith("#"))) {
                documents.add(SERIALIZATION.unmarshal(text, Map.class));
            }
        }
        return documents;
    }

    /** The kubectl that deploy/kubernetes/check/install-tools.sh pins (CI installs it), else one on the PATH. */
    static String kubectl() {
        Path pinned = DEPLOY.resolve("kubernetes/check/.tools/kubectl");
        if (Files.isExecutable(pinned)) {
            return pinned.toString();
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "kubectl"))) {
                return Path.of(dir, "kubectl").toString();
            }
        }
        throw new AssertionError("no kubectl to render the manifests: run deploy/kubernetes/check/install-tools.sh");
    }

    /** What a command prints, or an AssertionError with what it printed on stderr when it fails. */
    static String run(List<String> command, String stdin) {
        try {
            Path err = Files.createTempFile("deploy-files", ".err");
            Process process = new ProcessBuilder(command).redirectError(err.toFile()).start();
            try (var in = process.getOutputStream()) {
                in.write(stdin.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int status = process.waitFor();
            String stderr = Files.readString(err);
            Files.delete(err);
            if (status != 0) {
                throw new CommandFailed(String.join(" ", command) + " exited " + status + ": " + stderr + out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static final class CommandFailed extends AssertionError {
        CommandFailed(String message) {
            super(message);
        }
    }

    /** The objects a kustomization (a folder with kustomization.yaml) produces, rendered by kubectl's kustomize. */
    static List<Map<String, Object>> render(Path folder) {
        return parse(RENDERED.computeIfAbsent(folder, f -> run(List.of(kubectl(), "kustomize", f.toString()), "")));
    }

    private static final Map<Path, String> RENDERED = new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether check/install-tools.sh has installed the pinned kubectl and the validator's packages. */
    static boolean manifestToolsInstalled() {
        Path check = DEPLOY.resolve("kubernetes/check");
        return Files.isExecutable(check.resolve(".tools/kubectl")) && Files.isDirectory(check.resolve("node_modules/ajv"));
    }

    /** check/validate.mjs's verdict on objects (kubectl's output): what it printed, or CommandFailed with its errors. */
    static String validate(List<Map<String, Object>> objects) {
        StringBuilder yaml = new StringBuilder();
        objects.forEach(o -> yaml.append("---\n").append(SERIALIZATION.asYaml(o).replaceFirst("^---\n", "")));
        return run(List.of("node", DEPLOY.resolve("kubernetes/check/validate.mjs").toString()), yaml.toString());
    }

    /** Every YAML document of a text, as a map. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> parse(String yaml) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (String text : yaml.split("(?m)^---\\s*$")) {
            if (!text.isBlank()) {
                documents.add(SERIALIZATION.unmarshal(text, Map.class));
            }
        }
        return documents;
    }

    /**
     * A copy of deploy/kubernetes whose overlay site files name the given site values instead of the committed
     * ones (production's committed site.yaml names example hosts, registry and bucket, which it refuses to render).
     */
    static Path withSite(Map<String, String> values) {
        try {
            Path copy = Files.createTempDirectory("backline-kubernetes");
            Path from = DEPLOY.resolve("kubernetes");
            for (String part : List.of("base", "components", "overlays")) {
                try (var walk = Files.walk(from.resolve(part))) {
                    for (Path file : walk.toList()) {
                        Path target = copy.resolve(from.relativize(file).toString());
                        if (Files.isDirectory(file)) {
                            Files.createDirectories(target);
                        } else {
                            String text = read(file);
                            if (file.getFileName().toString().equals("site.yaml")) {
                                for (var value : values.entrySet()) {
                                    text = text.replaceAll("(?m)^(  " + value.getKey() + ":).*$", "$1 " + value.getValue());
                                }
                            }
                            Files.writeString(target, text);
                        }
                    }
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The values of an overlay's site.yaml (spec of the Site object). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> site(Path overlay) {
        return (Map<String, Object>) documents(overlay.resolve("site.yaml")).get(0).get("spec");
    }

    static String kind(Map<String, Object> object) {
        return (String) object.get("kind");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> metadata(Map<String, Object> object) {
        return (Map<String, Object>) object.computeIfAbsent("metadata", k -> new LinkedHashMap<>());
    }

    static String name(Map<String, Object> object) {
        return (String) metadata(object).get("name");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(Map<String, Object> object) {
        return (Map<String, Object>) object.get("spec");
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> containers(Map<String, Object> object) {
        if (!"Deployment".equals(kind(object)) && !"Job".equals(kind(object))) {
            return List.of();
        }
        Map<String, Object> template = (Map<String, Object>) spec(object).get("template");
        return (List<Map<String, Object>>) ((Map<String, Object>) template.get("spec")).get("containers");
    }

    static Map<String, Object> only(List<Map<String, Object>> objects, String kind, String name) {
        List<Map<String, Object>> found = objects.stream().filter(o -> kind.equals(kind(o)) && name.equals(name(o))).toList();
        if (found.size() != 1) {
            throw new AssertionError("expected one " + kind + " named " + name + ", found " + found.size());
        }
        return found.get(0);
    }

    static <T> T typed(Map<String, Object> object, Class<T> type) {
        return SERIALIZATION.convertValue(object, type);
    }

    /**
     * Fields the Kubernetes model does not know (a typo such as {@code readinesProbe}), found anywhere in a typed
     * object: fabric8 keeps them aside in additionalProperties instead of failing.
     */
    static Set<String> unknownFields(Object object) {
        Set<String> unknown = new TreeSet<>();
        collectUnknown(object, "", unknown, new java.util.IdentityHashMap<>());
        return unknown;
    }

    private static void collectUnknown(Object object, String path, Set<String> unknown, Map<Object, Boolean> seen) {
        if (object == null || seen.put(object, true) != null) {
            return;
        }
        if (object instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknown(item, path + "[" + i++ + "]", unknown, seen);
            }
            return;
        }
        if (!(object instanceof KubernetesResource) || !object.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method method : object.getClass().getMethods()) {
            if (method.getParameterCount() != 0 || !method.getName().startsWith("get") || method.getName().equals("getClass")) {
                continue;
            }
            try {
                Object value = method.invoke(object);
                if (method.getName().equals("getAdditionalProperties")) {
                    if (value instanceof Map<?, ?> extra) {
                        extra.keySet().forEach(k -> unknown.add(path + "." + k));
                    }
                } else {
                    collectUnknown(value, path + "." + method.getName().substring(3), unknown, seen);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The BACKLINE_* variables that the production profile of application.properties reads. */
    static Set<String> productionVariables() {
        Set<String> variables = new LinkedHashSet<>();
        Matcher matcher = Pattern.compile("\\$\\{(BACKLINE_[A-Z0-9_]+)")
                .matcher(read(ROOT.resolve("src/main/resources/application.properties")).lines()
                        .filter(line -> line.startsWith("%prod.")).reduce("", (a, b) -> a + "\n" + b));
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        return variables;
    }

    /** Where Keycloak looks for the lists of its passwordBlacklist policy: data/password-blacklists in its home. */
    static final String KEYCLOAK_BLOCKLISTS = "/opt/keycloak/data/password-blacklists";
    static final Path BLOCKLISTS = DEPLOY.resolve("keycloak/password-blocklist");
    /** Where Keycloak finds the realm's theme, and the theme in the repository (docs/adr/0044). */
    static final String KEYCLOAK_THEME = "/opt/keycloak/themes/backline";
    static final Path THEME = DEPLOY.resolve("keycloak/themes/backline");

    /** Every file of the theme, by its path inside the theme folder. */
    static Map<String, String> themeFiles() {
        Map<String, String> files = new java.util.TreeMap<>();
        try (var walk = Files.walk(THEME)) {
            walk.filter(Files::isRegularFile).forEach(file -> files.put(THEME.relativize(file).toString().replace('\\', '/'), read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The list that the production realm's password policy names (a file in {@link #BLOCKLISTS}). */
    static String blocklistOfTheProductionRealm() {
        Matcher matcher = Pattern.compile("passwordBlacklist\\(([^)]+)\\)")
                .matcher(read(DEPLOY.resolve("keycloak/backline-realm-production.json")));
        if (!matcher.find()) {
            throw new AssertionError("the production realm's password policy has no passwordBlacklist");
        }
        return matcher.group(1);
    }

    /** The ${VAR} placeholders (without a default) in a text. */
    static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = Pattern.compile("\\$\\{([A-Z0-9_]+)}").matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
