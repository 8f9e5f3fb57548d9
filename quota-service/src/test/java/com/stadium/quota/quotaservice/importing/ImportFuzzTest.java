package com.stadium.quota.quotaservice.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * Random bytes and mutated CSV thrown at upload and confirm: every answer is a refusal or a success, never a 500,
 * and a confirm creates all of a file's quotas or none.
 */
@QuarkusTest
class ImportFuzzTest {

    static final String BASE = ImportResourceTest.HEADER
            + "fuzz.a@fuzz.example,\"Fuzz A, Box 1\",1;3,W1;W2,3,10,NM,2099-12-31,true,false,false\n"
            + "fuzz.b@fuzz.example,Fuzz B,2,E1,2,0,REDOM,,no,no,yes\n"
            + "fuzz.c@fuzz.example,\"Fuzz\nC\",3,W3,1,100,nm,,,,\n";
    static final String NOISE = ",;\"\n\r\t\uFEFF\u0000=@-+x9é \\";

    @BeforeEach
    void matches() {
        Catalog.install();
    }

    @Test
    void randomBytesAndMutatedCsvNeverFailTheServiceNorImportPartially() {
        Random random = new Random(20261125);
        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            byte[] input = i % 4 == 0 ? randomBytes(random) : mutate(BASE, random).getBytes(StandardCharsets.UTF_8);
            ExtractableResponse<Response> uploaded = ImportResourceTest.upload(input, "fuzz-" + i + ".csv")
                    .extract();
            assertThat(uploaded.statusCode()).as("upload of input %d", i).isIn(201, 400);
            if (uploaded.statusCode() != 201 || !"VALIDATED".equals(uploaded.path("status"))) {
                outcomes.add(uploaded.statusCode() + "");
                continue;
            }
            JsonPath report = uploaded.jsonPath();
            int wanted = report.getList("preview.matchIds").stream().mapToInt(m -> ((List<?>) m).size()).sum();
            long before = ImportResourceTest.quotaCount();
            int status = ImportResourceTest.confirm(report.getString("id"), "{\"acceptDuplicates\":true}").extract()
                    .statusCode();
            assertThat(status).as("confirm of input %d", i).isIn(200, 409);
            assertThat(ImportResourceTest.quotaCount() - before).as("quotas created by input %d", i)
                    .isEqualTo(status == 200 ? wanted : 0);
            outcomes.add("confirmed " + status);
        }
        assertThat(outcomes).contains("400", "confirmed 200");
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(600)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** One to five edits: a character removed, inserted or replaced, or a line repeated or dropped. */
    private static String mutate(String text, Random random) {
        StringBuilder out = new StringBuilder(text);
        for (int edits = 1 + random.nextInt(5); edits > 0; edits--) {
            int at = random.nextInt(out.length());
            char noise = NOISE.charAt(random.nextInt(NOISE.length()));
            switch (random.nextInt(5)) {
                case 0 -> out.deleteCharAt(at);
                case 1 -> out.insert(at, noise);
                case 2 -> out.setCharAt(at, noise);
                case 3 -> {
                    List<String> lines = new ArrayList<>(List.of(out.toString().split("\n", -1)));
                    lines.add(random.nextInt(lines.size()), lines.get(random.nextInt(lines.size())));
                    out = new StringBuilder(String.join("\n", lines));
                }
                default -> {
                    List<String> lines = new ArrayList<>(List.of(out.toString().split("\n", -1)));
                    lines.remove(random.nextInt(lines.size()));
                    out = new StringBuilder(String.join("\n", lines));
                }
            }
            if (out.length() == 0) {
                out.append(noise);
            }
        }
        return out.toString();
    }
}
