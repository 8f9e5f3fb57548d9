package com.stadium.quota.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The routes ({@code METHOD /path/template}) an application's own JAX-RS resource classes declare, for an application
 * without an OpenAPI document (portal-web's pages): what its access table must cover. REST client interfaces are left
 * out; a template's regular expression ({@code {id: [0-9]+}}) is dropped to its name.
 */
public final class JaxRsRoutes {

    private JaxRsRoutes() {
    }

    /** The routes of the resource classes compiled beside {@code anyClassOfTheApp} (its target/classes). */
    public static Set<String> of(Class<?> anyClassOfTheApp) {
        Path root;
        try {
            root = Path.of(anyClassOfTheApp.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Set<String> routes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".class")).forEach(file -> {
                String name = root.relativize(file).toString().replace('/', '.').replaceFirst("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, anyClassOfTheApp.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    return;
                }
                Optional<String> base = path(type.getAnnotations());
                if (base.isEmpty() || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
                    return;
                }
                for (Method method : type.getMethods()) {
                    httpMethod(method).ifPresent(verb -> routes.add(verb + " "
                            + template(base.get(), path(method.getAnnotations()).orElse(""))));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return routes;
    }

    static String template(String base, String sub) {
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        if (joined.length() > 1 && joined.endsWith("/")) {
            joined = joined.substring(0, joined.length() - 1);
        }
        StringBuilder template = new StringBuilder();
        int depth = 0;
        boolean regex = false;
        for (char c : joined.toCharArray()) {
            if (c == '{' && ++depth == 1 || c == '}' && --depth == 0) {
                regex = false;
                template.append(c);
            } else if (depth == 0) {
                template.append(c);
            } else if (depth == 1 && !regex) {
                regex = c == ':'; // {name: regex} is named {name}
                if (!regex && c != ' ') {
                    template.append(c);
                }
            }
        }
        return template.toString();
    }

    private static Optional<String> path(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation.annotationType().getName().equals("jakarta.ws.rs.Path")) {
                try {
                    return Optional.of((String) annotation.annotationType().getMethod("value").invoke(annotation));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Optional.empty();
    }

    /** GET, POST, ... of a resource method: its annotation that is itself annotated with @HttpMethod. */
    private static Optional<String> httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            for (Annotation meta : annotation.annotationType().getAnnotations()) {
                if (meta.annotationType().getName().equals("jakarta.ws.rs.HttpMethod")) {
                    return Optional.of(annotation.annotationType().getSimpleName());
                }
            }
        }
        return Optional.empty();
    }
}
