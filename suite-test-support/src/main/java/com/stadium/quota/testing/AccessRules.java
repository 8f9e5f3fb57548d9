package com.stadium.quota.testing;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Authorization by construction: a service's table of who may do what (a markdown file next to its test), compared
 * with the operations of the service's own OpenAPI document and with what every kind of caller really gets.
 * <p>
 * The table's columns are {@code operation | ids | query | body | <caller> | <caller> ...}; the callers are whatever
 * the header names after {@code body}. Cells: an exact status, {@code 2xx}, {@code open} (anything but 401/403) or
 * {@code TODO}. In {@code ids}, {@code world} fills path templates from the test's values, {@code unknown} with random
 * UUIDs. {@code \n} in a body is a line break (a CSV upload). A page's form is {@code form:name=value&...}
 * (urlencoded, as a browser sends it) or {@code multipart:...} (the same fields as parts; the part {@code file} is a
 * file upload).
 */
public final class AccessRules {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORM = "form:";
    private static final String MULTIPART = "multipart:";

    /** One row of the table: an operation, how to call it, and the answer per caller. */
    public record Rule(String method, String template, String ids, String query, String body,
            Map<String, String> expected) {

        public String operation() {
            return method + " " + template;
        }

        /**
         * The first caller the table lets past authorization: who sends the malformed bodies (a page's 302 is the way
         * to sign in, not past it).
         */
        public Optional<String> allowedCaller() {
            return expected.entrySet().stream()
                    .filter(cell -> !Set.of("401", "403", "302", "TODO").contains(cell.getValue()))
                    .map(Map.Entry::getKey).findFirst();
        }

        public boolean json() {
            return body.startsWith("{") || body.startsWith("[");
        }

        /** A page's form: {@code form:} (urlencoded) or {@code multipart:} before {@code name=value&...}. */
        public boolean form() {
            return body.startsWith(FORM) || body.startsWith(MULTIPART);
        }

        public boolean multipart() {
            return body.startsWith(MULTIPART);
        }

        /** The body as sent: a form's fields without the table's prefix. */
        public String content() {
            return body.startsWith(FORM) ? body.substring(FORM.length())
                    : body.startsWith(MULTIPART) ? body.substring(MULTIPART.length()) : body;
        }
    }

    /** Sends one call of a rule as a caller, with the given body (the rule's own or a malformed one). */
    @FunctionalInterface
    public interface Caller {
        Response send(Rule rule, String caller, String body);
    }

    private final String source;
    private final List<String> callers;
    private final List<Rule> rules;

    private AccessRules(String source, List<String> callers, List<Rule> rules) {
        this.source = source;
        this.callers = callers;
        this.rules = rules;
    }

    /** Reads the table from a test resource, e.g. {@code /access-rules.md}. */
    public static AccessRules read(String resource) {
        try (InputStream in = AccessRules.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing: it is part of the test");
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AccessRules parse(String source, String markdown) {
        List<String> callers = null;
        List<Rule> rules = new ArrayList<>();
        for (String line : markdown.split("\n")) {
            if (!line.startsWith("| ") || line.startsWith("|---")) {
                continue;
            }
            String[] cells = Arrays.stream(line.substring(1, line.length() - 1).split("\\|", -1)).map(String::trim)
                    .toArray(String[]::new);
            if (callers == null) {
                if (cells.length < 5 || !cells[0].equals("operation") || !cells[3].equals("body")) {
                    throw new IllegalStateException(source + ": the header must be operation | ids | query | body "
                            + "| <callers>, not " + line);
                }
                callers = List.of(Arrays.copyOfRange(cells, 4, cells.length));
                continue;
            }
            if (cells.length != 4 + callers.size()) {
                throw new IllegalStateException(source + ": " + cells.length + " columns in " + line);
            }
            String[] op = cells[0].split(" ", 2);
            if (!Set.of("world", "unknown").contains(cells[1])) {
                throw new IllegalStateException(source + ": ids must be world or unknown in " + line);
            }
            Map<String, String> expected = new LinkedHashMap<>();
            for (int i = 0; i < callers.size(); i++) {
                expected.put(callers.get(i), cells[4 + i]);
            }
            rules.add(new Rule(op[0], op[1], cells[1], cells[2], cells[3].replace("\\n", "\n"), expected));
        }
        if (callers == null) {
            throw new IllegalStateException(source + " holds no table");
        }
        return new AccessRules(source, callers, rules);
    }

    public List<String> callers() {
        return callers;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** Operations ({@code METHOD /template}) of the running service's {@code /q/openapi}. */
    public static Set<String> documentedOperations() {
        JsonNode paths;
        try {
            paths = JSON.readTree(given().accept(ContentType.JSON).get("/q/openapi?format=json").then()
                    .statusCode(200).extract().asString()).path("paths");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> documented = new LinkedHashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (METHODS.contains(method)) {
                    documented.add(method.toUpperCase() + " " + path.getKey());
                }
            });
        }
        return documented;
    }

    /** What differs between the document and the table: operations without a row, rows without an operation. */
    public List<String> differencesFrom(Set<String> documented) {
        Set<String> ruled = new LinkedHashSet<>(rules.stream().map(Rule::operation).toList());
        List<String> differences = new ArrayList<>();
        if (documented.isEmpty()) {
            differences.add("the OpenAPI document lists no operation");
        }
        documented.stream().filter(op -> !ruled.contains(op))
                .forEach(op -> differences.add(op + ": in /q/openapi, no row in " + source));
        ruled.stream().filter(op -> !documented.contains(op))
                .forEach(op -> differences.add(op + ": a row of " + source + ", not in /q/openapi"));
        return differences;
    }

    /** The cells still TODO, as "operation by caller". */
    public List<String> todo() {
        return rules.stream().flatMap(rule -> rule.expected().entrySet().stream()
                .filter(cell -> cell.getValue().equals("TODO")).map(cell -> rule.operation() + " by " + cell.getKey()))
                .toList();
    }

    /**
     * Calls every operation as every caller; the answers that differ from the table (a 5xx in a TODO cell too).
     */
    public List<String> wrongAnswers(Caller caller) {
        List<String> wrong = new ArrayList<>();
        for (Rule rule : rules) {
            for (String who : callers) {
                int status = caller.send(rule, who, rule.content()).statusCode();
                String expected = rule.expected().get(who);
                if (expected.equals("TODO")) {
                    // what the cell would say, for whoever fills it in
                    System.out.printf("access-rules TODO: %s by %s answered %d%n", rule.operation(), who, status);
                }
                // a 5xx fails unless the table names it exactly (a 503 where a service is knowingly absent)
                if (expected.equals("TODO") ? status >= 500 : !matches(expected, status)) {
                    wrong.add("%s by %s: expected %s, got %d".formatted(rule.operation(), who, expected, status));
                }
            }
        }
        return wrong;
    }

    /**
     * Sends malformed variants of every operation's body as the first caller the table lets through (operations that
     * take no body in the table are left out, so are those nobody may call); the answers that are a 5xx or a 400
     * naming no field. Values fill the placeholders a body needs to be JSON at all (an unquoted {@code {matchId}});
     * the rest are left to the caller.
     */
    public List<String> malformedAnswers(Caller caller, Map<String, String> values) {
        List<String> wrong = new ArrayList<>();
        for (Rule rule : rules) {
            Optional<String> who = rule.allowedCaller();
            if (rule.body().isEmpty() || who.isEmpty()) {
                continue;
            }
            String body = fill(rule.content(), values);
            List<MalformedBodies.Variant> variants = rule.form() ? MalformedBodies.ofForm(body)
                    : MalformedBodies.of(body, rule.json());
            for (MalformedBodies.Variant variant : variants) {
                Response response = caller.send(rule, who.get(), variant.body());
                MalformedBodies.problem(response).ifPresent(problem -> wrong.add("%s by %s with %s: %s"
                        .formatted(rule.operation(), who.get(), variant.name(), problem)));
            }
        }
        return wrong;
    }

    public static boolean matches(String expected, int status) {
        return switch (expected) {
            case "2xx" -> status >= 200 && status < 300;
            case "open" -> status != 401 && status != 403 && status < 500;
            default -> Integer.parseInt(expected) == status;
        };
    }

    /**
     * The request of a rule: its path with {@code {name}} filled from values (for {@code world} rows; any other
     * placeholder, and all of an {@code unknown} row, a random UUID), its query (placeholders filled too), and the
     * body as JSON or CSV (as the table's body looks; a form urlencoded or as multipart parts) with the same
     * placeholders filled. Redirects are not followed: a 303 is the answer.
     */
    public static Response send(Rule rule, RequestSpecification request, Map<String, String> values, String body) {
        String path = rule.template();
        if (rule.ids().equals("world")) {
            path = fill(path, values);
        }
        path = path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        if (rule.multipart()) {
            for (Map.Entry<String, byte[]> part : FormFields.decode(fill(body, values))) {
                if (part.getKey().equals("file")) {
                    request.multiPart("file", "upload.csv", part.getValue(), "text/csv");
                } else {
                    request.multiPart(part.getKey(), new String(part.getValue(), StandardCharsets.UTF_8));
                }
            }
        } else if (rule.form()) {
            // already encoded (ASCII); RestAssured's form encoder takes a String, not bytes
            request.contentType("application/x-www-form-urlencoded").body(fill(body, values));
        } else if (!rule.body().isEmpty()) {
            request.contentType(rule.json() ? "application/json" : "text/csv")
                    .body(fill(body, values).getBytes(StandardCharsets.UTF_8));
        }
        return request.urlEncodingEnabled(false).redirects().follow(false)
                .request(rule.method(), rule.query().isEmpty() ? path : path + "?" + fill(rule.query(), values));
    }

    /** A request as the caller with this bearer token, or as nobody. */
    public static RequestSpecification as(String token) {
        return token == null ? given() : given().auth().oauth2(token);
    }

    /** Replaces each {@code {name}} of values in text. */
    public static String fill(String text, Map<String, String> values) {
        String filled = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", value.getValue());
        }
        return filled;
    }
}
