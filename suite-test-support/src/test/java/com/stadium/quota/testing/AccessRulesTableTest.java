package com.stadium.quota.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The table's reading and comparing, and the malformed bodies, without a service. */
class AccessRulesTableTest {

    static final String TABLE = """
            # title, then prose that is not a row

            | operation | ids | query | body | anonymous | holder | admin |
            |---|---|---|---|---|---|---|
            | GET /api/things/{id} | world | | | 401 | 200 | open |
            | POST /api/things | unknown | dryRun=true | {"name":"a","count":2,"tags":["x"],"owner":{"ok":true}} | 401 | 403 | TODO |
            | POST /api/imports | world | | a;b\\nc;d | 401 | 403 | 2xx |
            """;

    @Test
    void callersComeFromTheHeaderAndCellsFromTheRows() {
        AccessRules rules = AccessRules.parse("t.md", TABLE);
        assertThat(rules.callers()).containsExactly("anonymous", "holder", "admin");
        assertThat(rules.rules()).extracting(AccessRules.Rule::operation)
                .containsExactly("GET /api/things/{id}", "POST /api/things", "POST /api/imports");
        assertThat(rules.rules().get(1).expected()).isEqualTo(Map.of("anonymous", "401", "holder", "403",
                "admin", "TODO"));
        assertThat(rules.rules().get(2).body()).as("\\n is a line break").isEqualTo("a;b\nc;d");
        assertThat(rules.todo()).containsExactly("POST /api/things by admin");
        assertThat(rules.rules().get(0).allowedCaller()).contains("holder");
        assertThat(rules.rules().get(1).allowedCaller()).as("nobody may, as far as the table knows").isEmpty();
    }

    @Test
    void aPagesFormIsSentByTheFirstCallerPastTheSignInRedirect() {
        AccessRules.Rule form = AccessRules.parse("t.md", """
                | operation | ids | query | body | anonymous | holder | admin |
                |---|---|---|---|---|---|---|
                | POST /holder/send | world | | form:name=Ann&count=2 | 302 | 404 | 302 |
                """).rules().get(0);
        assertThat(form.allowedCaller()).contains("holder");
        assertThat(form.form()).isTrue();
        assertThat(form.multipart()).isFalse();
        assertThat(form.content()).isEqualTo("name=Ann&count=2");
    }

    @Test
    void anOperationWithoutARowAndARowWithoutAnOperationAreBothNamed() {
        AccessRules rules = AccessRules.parse("t.md", TABLE);
        assertThat(rules.differencesFrom(Set.of("GET /api/things/{id}", "POST /api/things", "POST /api/imports")))
                .isEmpty();
        assertThat(rules.differencesFrom(Set.of("GET /api/things/{id}", "POST /api/things", "DELETE /api/things")))
                .containsExactly("DELETE /api/things: in /q/openapi, no row in t.md",
                        "POST /api/imports: a row of t.md, not in /q/openapi");
    }

    @Test
    void aRowWithTheWrongNumberOfCellsOrIdsIsRefused() {
        assertThatThrownBy(() -> AccessRules.parse("t.md", TABLE + "| GET /x | world | | | 401 |\n"))
                .hasMessageContaining("columns");
        assertThatThrownBy(() -> AccessRules.parse("t.md", TABLE + "| GET /x | mine | | | 1 | 2 | 3 |\n"))
                .hasMessageContaining("ids");
    }

    @Test
    void statusCells() {
        assertThat(AccessRules.matches("2xx", 204)).isTrue();
        assertThat(AccessRules.matches("2xx", 302)).isFalse();
        assertThat(AccessRules.matches("open", 404)).isTrue();
        assertThat(AccessRules.matches("open", 403)).isFalse();
        assertThat(AccessRules.matches("open", 500)).isFalse();
        assertThat(AccessRules.matches("404", 404)).isTrue();
    }

    @Test
    void everyFieldGetsTheWrongTypeAndNumbersAndStringsTheirExtremes() {
        List<MalformedBodies.Variant> variants = MalformedBodies.of(
                "{\"name\":\"a\",\"count\":2,\"tags\":[\"x\"],\"owner\":{\"ok\":true}}", true);
        assertThat(variants).extracting(MalformedBodies.Variant::name).contains("an empty body", "a cut-off body {",
                "an array for the body", "a string for number count", "1e400 for count", "2^63 for count",
                "an array for string name", "1 MB for name", "a NUL byte in name",
                "an object for array tags",
                "an array for string tags[0]", "an array for object owner", "a string for boolean owner.ok");
        assertThat(body(variants, "1e400 for count")).isEqualTo(
                "{\"name\":\"a\",\"count\":1e400,\"tags\":[\"x\"],\"owner\":{\"ok\":true}}");
        assertThat(body(variants, "a NUL byte in name")).contains("\"name\":\"a\\u0000\"");
        assertThat(body(variants, "an array for string tags[0]")).contains("\"tags\":[[]]");
        // one 1 MB body per operation, in its first string field
        assertThat(variants).filteredOn(v -> v.body().length() > 1 << 20).hasSize(1);
        assertThat(body(variants, "1 MB for name")).hasSizeGreaterThan(1 << 20).hasSizeLessThan(2 << 20)
                .contains("\"tags\":[\"x\"]");
        assertThat(MalformedBodies.of("a;b\nc;d", false)).extracting(MalformedBodies.Variant::body)
                .contains("", "{", "a;b\n\u0000c;d");
    }

    @Test
    void aFormGetsMissingFieldsWrongTypesHugeNumbersNulBytesBrokenEncodingAndOneMegabyteBody() {
        List<MalformedBodies.Variant> variants = MalformedBodies.ofForm("name=Ann&quantity=2&ticket="
                + "0b7e6f1a-8a5e-4c4e-9d8e-1f2a3b4c5d6e&ticket=1b7e6f1a-8a5e-4c4e-9d8e-1f2a3b4c5d6e&delegate=true");
        assertThat(body(variants, "an empty form")).isEmpty();
        assertThat(body(variants, "without ticket")).isEqualTo("name=Ann&quantity=2&delegate=true");
        assertThat(body(variants, "a word for number quantity")).contains("quantity=twelve");
        assertThat(body(variants, "2^63 for quantity")).contains("quantity=9223372036854775808");
        assertThat(body(variants, "a word for id ticket")).contains("ticket=no-id&").doesNotContain("1b7e");
        assertThat(body(variants, "a word for boolean delegate")).endsWith("delegate=maybe");
        assertThat(body(variants, "a NUL byte in name")).startsWith("name=Ann%00&");
        assertThat(body(variants, "broken UTF-8 in name")).startsWith("name=Ann%C3%28&");
        assertThat(body(variants, "a % that escapes nothing in name")).startsWith("name=Ann%zz&");
        assertThat(variants).filteredOn(v -> v.body().length() > 1 << 20).singleElement()
                .satisfies(v -> assertThat(v.body()).hasSizeGreaterThan(4 << 20));
        assertThat(FormFields.decode("file=a%3Bb%0A%C3%28&x=1+2").get(0).getValue())
                .containsExactly('a', ';', 'b', '\n', 0xC3, 0x28);
    }

    @Test
    void aPageThatMarksTheWrongFieldNamesIt() {
        assertThat(MalformedBodies.problem(answer(400, "<span class=\"field-error\" id=\"name-error\">"))).isEmpty();
        assertThat(MalformedBodies.problem(answer(400, "<p>Bad request</p>"))).isPresent();
        assertThat(MalformedBodies.problem(answer(500, "<span class=\"field-error\">"))).isPresent();
        assertThat(MalformedBodies.problem(answer(200, "<p>ok</p>"))).isEmpty();
    }

    private static io.restassured.response.Response answer(int status, String body) {
        return new io.restassured.builder.ResponseBuilder().setStatusCode(status).setBody(body).build();
    }

    @Test
    void aTemplatesRegularExpressionIsDroppedToItsName() {
        assertThat(JaxRsRoutes.template("/admin/imports/{importId: [0-9a-f]{8}-[0-9a-f]{4}}", "/confirm"))
                .isEqualTo("/admin/imports/{importId}/confirm");
        assertThat(JaxRsRoutes.template("/app", "/{page: open|signed-in}")).isEqualTo("/app/{page}");
        assertThat(JaxRsRoutes.template("/", "")).isEqualTo("/");
    }

    private static String body(List<MalformedBodies.Variant> variants, String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow().body();
    }
}
