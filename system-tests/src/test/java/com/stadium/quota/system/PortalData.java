package com.stadium.quota.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.stadium.quota.system.RunningSuite.Service;
import com.stadium.quota.testing.Mailbox;
import com.stadium.quota.testing.Tokens;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** What the browser tests set up through the admin API, and what they read back from it and from the mailbox. */
final class PortalData {

    private static final Pattern DEEPLINK = Pattern.compile("(http://127\\.0\\.0\\.1:28080/invitation/[A-Za-z0-9_-]{20,})");

    private PortalData() {
    }

    /** Opens a portal page in the HtmlUnit browser, signing in at Keycloak's login page on the way. */
    static HtmlPage signedIn(WebClient browser, String path, String username,
            String password) throws IOException {
        HtmlPage login = browser.getPage(Service.PORTAL.url() + path);
        HtmlForm form = login.getForms().get(0);
        form.getInputByName("username").type(username);
        form.getInputByName("password").type(password);
        return form.getButtonByName("login").click();
    }

    static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@sponsor.example";
    }

    static long match(int index) {
        return given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get(Service.ALLOCATION.url() + "/api/matches")
                .then().statusCode(200).extract().jsonPath().getLong("[" + index + "].id");
    }

    /** A quota for the first match, allocated by the real allocation-service; its id. */
    static String quota(String email, String name, String sector, int quantity, int discount, boolean delegate) {
        return quotaAt(match(0), email, name, sector, quantity, discount, delegate);
    }

    /** A quota for the given match, allocated by the real allocation-service; its id. */
    static String quotaAt(long match, String email, String name, String sector, int quantity, int discount,
            boolean delegate) {
        return quota(Map.of("holderEmail", email, "holderName", name, "matchIds", List.of(match),
                "sectors", List.of(sector), "quantity", quantity, "discountPercent", discount,
                "algorithm", "NM", "delegate", delegate));
    }

    /** A quota as the admin API takes it (e.g. with {@code transferable}), once allocated; its id. */
    static String quota(Map<String, Object> request) {
        String id = given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON).body(request)
                .post(Service.QUOTA.url() + "/api/admin/quotas").then().statusCode(201).extract()
                .path("quotas[0].id");
        awaitAllocated(id, Duration.ofSeconds(15));
        return id;
    }

    /** Waits until the quota is ALLOCATED; a timeout says which hop of the allocation's way it stopped at. */
    static void awaitAllocated(String id, Duration atMost) {
        try {
            await().atMost(atMost).until(() -> "ALLOCATED".equals(admin(id).getString("quota.state")));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("not allocated within " + atMost + ": " + ServiceDatabase.allocationTrail(id), e);
        }
    }

    /**
     * Claims every ticket of the quota through the holder API, one attendee (name, email) per ticket in ticket order,
     * and pays in the sandbox where there is something to pay; the ticket ids, once all are SOLD.
     */
    static List<String> claimAndPay(String holderToken, String quotaId, List<List<String>> attendees) {
        List<String> tickets = admin(quotaId).getList("tickets.id", String.class);
        String claims = Service.QUOTA.url() + "/api/holder/quotas/" + quotaId + "/claims";
        String claim = given().auth().oauth2(holderToken).contentType(ContentType.JSON)
                .body(Map.of("ticketIds", tickets)).post(claims).then().statusCode(201).extract().path("id");
        List<Map<String, String>> named = new ArrayList<>();
        for (int i = 0; i < tickets.size(); i++) {
            named.add(Map.of("ticketId", tickets.get(i), "name", attendees.get(i).get(0), "email",
                    attendees.get(i).get(1)));
        }
        String step = given().auth().oauth2(holderToken).contentType(ContentType.JSON)
                .body(Map.of("attendees", named)).put(claims + "/" + claim + "/attendees").then().statusCode(200)
                .extract().path("step");
        if (!"COMPLETED".equals(step)) {
            String paymentUrl = given().auth().oauth2(holderToken).post(claims + "/" + claim + "/payment").then()
                    .statusCode(200).extract().path("paymentUrl");
            given().post(paymentUrl + "/succeed").then().statusCode(200);
        }
        await("all sold").atMost(Duration.ofSeconds(15))
                .until(() -> counts(quotaId).getOrDefault("SOLD", 0) == tickets.size());
        return tickets;
    }

    static String matchName(int index) {
        return given().auth().oauth2(Tokens.of(Tokens.ADMIN)).get(Service.ALLOCATION.url() + "/api/matches")
                .then().statusCode(200).extract().jsonPath().getString("[" + index + "].name");
    }

    /**
     * Holds every seat of a sector at a match but {@code left} seats that any quota may take (wheelchair places and
     * their companion seats stay free too: a quota takes them only when asked), through a quota drawn at random
     * (REDOM, quick for hundreds of seats); its id, to cancel it afterwards.
     */
    static String fillLeaving(long match, String sector, int left) {
        List<Map<String, Object>> seats = given().auth().oauth2(Tokens.of(Tokens.ADMIN))
                .get(Service.ALLOCATION.url() + "/api/matches/{id}/sectors/{code}/seats", match, sector).then()
                .statusCode(200).extract().jsonPath().getList("$");
        long usable = seats.stream().filter(s -> "FREE".equals(s.get("state")) && !Boolean.TRUE.equals(
                s.get("accessible")) && !Boolean.TRUE.equals(s.get("companion"))).count();
        int quantity = (int) usable - left;
        if (quantity < 1) {
            throw new IllegalStateException(sector + " at match " + match + " has too few free seats; purge the test"
                    + " stack (infra/stack.sh --profile test purge)");
        }
        String id = given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("holderEmail", email("filler"), "holderName", "Club Reserve", "matchIds", List.of(match),
                        "sectors", List.of(sector), "quantity", quantity, "algorithm", "REDOM"))
                .post(Service.QUOTA.url() + "/api/admin/quotas").then().statusCode(201).extract()
                .path("quotas[0].id");
        await().atMost(Duration.ofSeconds(30)).until(() -> !"PENDING_ALLOCATION".equals(
                admin(id).getString("quota.state")));
        if (!"ALLOCATED".equals(admin(id).getString("quota.state"))) {
            throw new IllegalStateException("the filler quota was not allocated: "
                    + admin(id).getString("failureReason"));
        }
        return id;
    }

    /** Cancels a quota's unsold tickets; its seats are free again. */
    static void cancel(String quotaId) {
        given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("scope", "UNFULFILLED_ONLY"))
                .post(Service.QUOTA.url() + "/api/admin/quotas/{id}/cancel", quotaId).then().statusCode(200);
    }

    /** An import uploaded through quota-service's API (checked, not confirmed); its id. */
    static String upload(String csv, String fileName) {
        return given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType("text/csv").body(csv)
                .queryParam("fileName", fileName).post(Service.QUOTA.url() + "/api/admin/imports").then()
                .statusCode(201).extract().path("id");
    }

    /** The import as quota-service keeps it. */
    static JsonPath importOf(String id) {
        return given().auth().oauth2(Tokens.of(Tokens.ADMIN))
                .get(Service.QUOTA.url() + "/api/admin/imports/{id}", id).then().statusCode(200).extract()
                .jsonPath();
    }

    /** The newest import's id (null when there is none). */
    static String latestImport() {
        List<String> ids = given().auth().oauth2(Tokens.of(Tokens.ADMIN))
                .get(Service.QUOTA.url() + "/api/admin/imports").then().statusCode(200).extract().jsonPath()
                .getList("id", String.class);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** The quota as an admin sees it (tickets, counts, subquotas). */
    static JsonPath admin(String quotaId) {
        return given().auth().oauth2(Tokens.of(Tokens.ADMIN))
                .get(Service.QUOTA.url() + "/api/admin/quotas/{id}", quotaId).then().statusCode(200).extract()
                .jsonPath();
    }

    /** How many quotas quota-service holds for a holder (name or email). */
    static long quotasOf(String holder) {
        return given().auth().oauth2(Tokens.of(Tokens.ADMIN)).queryParam("holder", holder)
                .get(Service.QUOTA.url() + "/api/admin/quotas").then().statusCode(200).extract().jsonPath()
                .getLong("total");
    }

    static Map<String, Integer> counts(String quotaId) {
        return admin(quotaId).getMap("quota.ticketCounts");
    }

    /** The deeplink of the newest mail to this address that carries one, as the person would click it. */
    static String deeplink(String email) {
        String[] link = new String[1];
        await("a mail with a link for " + email).atMost(Duration.ofSeconds(90)).until(() -> {
            List<Map<String, Object>> mails = Mailbox.messagesFor(email);
            for (int i = mails.size() - 1; i >= 0; i--) {
                Matcher m = DEEPLINK.matcher(unfold((String) mails.get(i).get("mimeMessage")));
                if (m.find()) {
                    link[0] = m.group(1);
                    return true;
                }
            }
            return false;
        });
        return link[0];
    }

    /** Mails to an address whose subject contains the text. */
    static List<Map<String, Object>> mails(String email, String subject) {
        return Mailbox.messagesFor(email).stream()
                .filter(m -> String.valueOf(m.get("subject")).contains(subject)).toList();
    }

    /** A mail body as text: quoted-printable soft line breaks and escapes undone. */
    static String unfold(String mime) {
        return mime.replace("=\r\n", "").replace("=\n", "").replace("=3D", "=");
    }

    /** An inline image of a mail. */
    record Image(String contentId, byte[] png) {
    }

    /** The image/png parts of a raw MIME message, with their Content-ID. */
    static List<Image> pngParts(String mime) {
        List<Image> images = new ArrayList<>();
        for (String part : mime.split("\r?\n--")) {
            String[] headersAndBody = part.split("\r?\n\r?\n", 2);
            String headers = headersAndBody[0].replaceAll("\r?\n[ \t]+", " ");
            if (headersAndBody.length < 2 || !headers.toLowerCase().contains("content-type: image/png")) {
                continue;
            }
            Matcher id = Pattern.compile("(?im)^content-id:\\s*(\\S+)").matcher(headers);
            String body = headersAndBody[1].replaceAll("\\s", "");
            images.add(new Image(id.find() ? id.group(1) : null, Base64.getDecoder().decode(body)));
        }
        return images;
    }

    /** What a gate scanner reads from the image. */
    static String scan(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
        } catch (Exception e) {
            throw new AssertionError("not a readable QR code", e);
        }
    }

    /** The ticket a signed ticket code names (README, "Ticket codes": v1.kid.payload.signature); null if not one. */
    static String ticketOf(String code) {
        String[] parts = code.split("\\.");
        if (parts.length != 4 || !"v1".equals(parts[0])) {
            return null;
        }
        return new String(Base64.getUrlDecoder().decode(parts[2]), StandardCharsets.UTF_8)
                .split("\\|")[0];
    }

    /** What the verify endpoint answers a gate for a scanned code at a match: its outcome. */
    static String verify(String code, long matchId) {
        return given().auth().oauth2(Tokens.of(Tokens.GATE)).contentType(ContentType.JSON)
                .body(Map.of("code", code, "matchId", matchId)).post(Service.QUOTA.url() + "/api/tickets/verify")
                .then().statusCode(200).extract().path("outcome");
    }
}
