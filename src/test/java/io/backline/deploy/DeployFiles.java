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
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Reads the files under deploy/ for the deploy tests: YAML documents as plain maps, kustomize overlays rendered the
 * way {@code kubectl apply -k} would for the features they use (resources, namespace, labels, images, replicas,
 * strategic-merge patches), and the variables the production profile of application.properties requires.
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

    /** The objects a kustomization (a folder with kustomization.yaml) produces. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> render(Path folder) {
        Map<String, Object> kustomization = documents(folder.resolve("kustomization.yaml")).get(0);
        List<Map<String, Object>> objects = new ArrayList<>();
        for (String resource : (List<String>) kustomization.getOrDefault("resources", List.of())) {
            Path path = folder.resolve(resource).normalize();
            if (Files.isDirectory(path)) {
                objects.addAll(render(path));
            } else {
                objects.addAll(documents(path));
            }
        }
        for (Map<String, Object> patchEntry : (List<Map<String, Object>>) kustomization.getOrDefault("patches", List.of())) {
            Path path = folder.resolve((String) patchEntry.get("path"));
            for (Map<String, Object> patch : documents(path)) {
                Map<String, Object> target = objects.stream().filter(o -> sameObject(o, patch)).findFirst()
                        .orElseThrow(() -> new AssertionError(path + " patches " + kind(patch) + "/" + name(patch)
                                + ", which " + folder + " does not have"));
                merge(target, patch);
            }
        }
        for (Map<String, Object> image : (List<Map<String, Object>>) kustomization.getOrDefault("images", List.of())) {
            for (Map<String, Object> object : objects) {
                for (Map<String, Object> container : containers(object)) {
                    String ref = (String) container.get("image");
                    String repository = ref.contains(":") ? ref.substring(0, ref.lastIndexOf(':')) : ref;
                    String tag = ref.contains(":") ? ref.substring(ref.lastIndexOf(':') + 1) : "latest";
                    if (repository.equals(image.get("name"))) {
                        container.put("image", image.getOrDefault("newName", repository) + ":" + image.getOrDefault("newTag", tag));
                    }
                }
            }
        }
        for (Map<String, Object> replicas : (List<Map<String, Object>>) kustomization.getOrDefault("replicas", List.of())) {
            objects.stream().filter(o -> "Deployment".equals(kind(o)) && replicas.get("name").equals(name(o)))
                    .forEach(o -> spec(o).put("replicas", replicas.get("count")));
        }
        for (Map<String, Object> labels : (List<Map<String, Object>>) kustomization.getOrDefault("labels", List.of())) {
            objects.forEach(o -> ((Map<String, Object>) metadata(o).computeIfAbsent("labels", k -> new LinkedHashMap<>()))
                    .putAll((Map<String, Object>) labels.get("pairs")));
        }
        if (kustomization.get("namespace") instanceof String namespace) {
            objects.forEach(o -> metadata(o).put("namespace", namespace));
        }
        return objects;
    }

    /** Strategic merge as kustomize does it for these files: maps merge, lists of named maps merge by name. */
    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> target, Map<String, Object> patch) {
        patch.forEach((key, value) -> {
            Object existing = target.get(key);
            if (value instanceof Map<?, ?> map && existing instanceof Map<?, ?> old) {
                merge((Map<String, Object>) old, (Map<String, Object>) map);
            } else if (value instanceof List<?> list && existing instanceof List<?> old && namedMaps(list) && namedMaps(old)) {
                for (Object item : list) {
                    Map<String, Object> named = (Map<String, Object>) item;
                    old.stream().map(o -> (Map<String, Object>) o).filter(o -> Objects.equals(o.get("name"), named.get("name")))
                            .findFirst().ifPresentOrElse(o -> merge(o, named), () -> ((List<Object>) old).add(named));
                }
            } else {
                target.put(key, value);
            }
        });
    }

    private static boolean namedMaps(List<?> list) {
        return !list.isEmpty() && list.stream().allMatch(item -> item instanceof Map<?, ?> map && map.get("name") != null);
    }

    static boolean sameObject(Map<String, Object> a, Map<String, Object> b) {
        return Objects.equals(kind(a), kind(b)) && Objects.equals(name(a), name(b));
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
        if (!"Deployment".equals(kind(object))) {
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
