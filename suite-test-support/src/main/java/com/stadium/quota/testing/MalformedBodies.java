package com.stadium.quota.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.restassured.response.Response;

/**
 * Bodies a careless or hostile client sends, made from an accepted one: empty, cut off, the wrong type in each field,
 * numbers no type holds, a 1 MB string (one per body), a NUL byte; a page's form likewise. The
 * answer to each must be no 5xx, and a 400 must name a field (or {@code body}).
 */
public final class MalformedBodies {

    /** One malformed body and what is wrong with it. */
    public record Variant(String name, String body) {
    }

    static final String MEGABYTE = "x".repeat(1 << 20);
    // a form's 1 MB body: at most this many fields at once, below Quarkus's default 10 MB body limit
    private static final int MAX_MEGABYTE_FIELDS = 8;
    private static final ObjectMapper JSON = new ObjectMapper();
    // a raw JSON literal Jackson would not write (1e400), put in after serialising
    private static final String RAW = "__raw_literal__";

    private MalformedBodies() {
    }

    /** The variants of an accepted body: JSON field by field, anything else (CSV) as text. */
    public static List<Variant> of(String body, boolean json) {
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("an empty body", ""));
        variants.add(new Variant("a cut-off body {", "{"));
        if (!json) {
            variants.add(new Variant("a NUL byte", body.replaceFirst("\n", "\n\u0000")));
            variants.add(new Variant("a 1 MB line", body + "\n" + MEGABYTE));
            return variants;
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the table's body is not JSON: " + body, e);
        }
        variants.add(new Variant(root.isObject() ? "an array for the body" : "an object for the body",
                root.isObject() ? "[]" : "{}"));
        List<String> texts = new ArrayList<>();
        fields(root, "", (path, value) -> {
            if (value.isNumber()) {
                variants.add(variant(root, path, "a string for number " + path, TextNode.valueOf("12")));
                variants.add(raw(root, path, "1e400 for " + path, "1e400"));
                variants.add(raw(root, path, "2^63 for " + path, "9223372036854775808"));
            } else if (value.isTextual()) {
                variants.add(variant(root, path, "an array for string " + path, JSON.createArrayNode()));
                texts.add(path);
                variants.add(variant(root, path, "a NUL byte in " + path, TextNode.valueOf(value.asText() + "\u0000")));
            } else if (value.isBoolean()) {
                variants.add(variant(root, path, "a string for boolean " + path, TextNode.valueOf("yes")));
            } else if (value.isArray()) {
                variants.add(variant(root, path, "an object for array " + path, JSON.createObjectNode()));
            } else if (value.isObject()) {
                variants.add(variant(root, path, "an array for object " + path, JSON.createArrayNode()));
            }
        });
        if (!texts.isEmpty()) {
            // one 1 MB upload per body, in its first string field: one per field cost CI ~20 s for no more finds
            variants.add(variant(root, texts.get(0), "1 MB for " + texts.get(0), TextNode.valueOf(MEGABYTE)));
        }
        return variants;
    }

    /**
     * The variants of an accepted form ({@code name=value&...}, urlencoded): empty, each field missing, a word for a
     * number, an id or a boolean, numbers no type holds, a NUL byte and broken UTF-8 in each text, a percent sign that
     * escapes nothing, and 1 MB in each field at once.
     */
    public static List<Variant> ofForm(String form) {
        List<String[]> pairs = FormFields.pairs(form);
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("an empty form", ""));
        List<String> names = pairs.stream().map(p -> p[0]).distinct().toList();
        for (String name : names) {
            String value = pairs.stream().filter(p -> p[0].equals(name)).findFirst().orElseThrow()[1];
            variants.add(new Variant("without " + name, FormFields.join(pairs.stream()
                    .filter(p -> !p[0].equals(name)).toList())));
            if (value.matches("-?\\d+")) {
                variants.add(formVariant(pairs, name, "a word for number " + name, "twelve"));
                variants.add(formVariant(pairs, name, "1e400 for " + name, "1e400"));
                variants.add(formVariant(pairs, name, "2^63 for " + name, "9223372036854775808"));
            } else if (value.matches("true|false|on")) {
                variants.add(formVariant(pairs, name, "a word for boolean " + name, "maybe"));
            } else {
                if (value.matches("[0-9a-f-]{36}")) {
                    variants.add(formVariant(pairs, name, "a word for id " + name, "no-id"));
                }
                variants.add(formVariant(pairs, name, "a NUL byte in " + name, value + "%00"));
                variants.add(formVariant(pairs, name, "broken UTF-8 in " + name, value + "%C3%28"));
            }
        }
        if (!names.isEmpty()) {
            variants.add(formVariant(pairs, names.get(0), "a % that escapes nothing in " + names.get(0),
                    pairs.get(0)[1] + "%zz"));
            List<String[]> huge = new ArrayList<>();
            List<String> big = names.subList(0, Math.min(names.size(), MAX_MEGABYTE_FIELDS));
            pairs.forEach(p -> huge.add(big.contains(p[0]) ? new String[] {p[0], MEGABYTE} : p));
            variants.add(new Variant("1 MB in each of " + String.join(", ", big), FormFields.join(huge)));
        }
        return variants;
    }

    /** The form with every value of one field replaced. */
    private static Variant formVariant(List<String[]> pairs, String name, String variant, String value) {
        return new Variant(variant, FormFields.join(pairs.stream()
                .map(p -> p[0].equals(name) ? new String[] {name, value} : p).toList()));
    }

    /**
     * What is wrong with the answer to a malformed body, if anything: a 5xx, or a 400 whose violations name no field
     * (a page or fragment: that marks no field as wrong).
     */
    public static Optional<String> problem(Response response) {
        int status = response.statusCode();
        String text = response.asString();
        String excerpt = text.length() > 300 ? text.substring(0, 300) + "..." : text;
        if (status >= 500) {
            return Optional.of("got " + status + ": " + excerpt);
        }
        if (status != 400) {
            return Optional.empty();
        }
        try {
            JsonNode violations = JSON.readTree(text).path("violations");
            for (JsonNode violation : violations) {
                if (!violation.path("field").asText().isBlank()) {
                    return Optional.empty();
                }
            }
        } catch (IOException e) {
            // not JSON: a page or fragment names the field by marking it (the portal's forms)
            if (text.contains("class=\"field-error\"") || text.contains("aria-invalid=\"true\"")) {
                return Optional.empty();
            }
        }
        return Optional.of("a 400 naming no field: " + excerpt);
    }

    private interface Visitor {
        void visit(String path, JsonNode value);
    }

    /** Every field and first array element below node, by its path ({@code attendees[0].name}). */
    private static void fields(JsonNode node, String path, Visitor visitor) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                visitor.visit(child, field.getValue());
                fields(field.getValue(), child, visitor);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            visitor.visit(path + "[0]", node.get(0));
            fields(node.get(0), path + "[0]", visitor);
        }
    }

    private static Variant variant(JsonNode root, String path, String name, JsonNode replacement) {
        JsonNode copy = root.deepCopy();
        replace(copy, path, replacement);
        return new Variant(name, copy.toString());
    }

    private static Variant raw(JsonNode root, String path, String name, String literal) {
        return new Variant(name, variant(root, path, name, TextNode.valueOf(RAW)).body()
                .replace("\"" + RAW + "\"", literal));
    }

    private static void replace(JsonNode root, String path, JsonNode replacement) {
        String[] steps = path.replace("[0]", ".[0]").replaceFirst("^\\.", "").split("\\.");
        JsonNode parent = parentOf(root, steps);
        String last = steps[steps.length - 1];
        if (last.equals("[0]")) {
            ((ArrayNode) parent).set(0, replacement);
        } else {
            ((ObjectNode) parent).set(last, replacement);
        }
    }

    private static JsonNode parentOf(JsonNode root, String[] steps) {
        JsonNode parent = root;
        for (int i = 0; i < steps.length - 1; i++) {
            parent = steps[i].equals("[0]") ? parent.get(0) : parent.get(steps[i]);
        }
        return parent;
    }
}
