package com.stadium.quota.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.stadium.quota.system.RunningSuite.Service;
import com.stadium.quota.testing.Tokens;

import io.restassured.http.ContentType;

/**
 * Messages to people end to end: a quota made through the admin API is allocated by allocation-service, its
 * invitation leaves quota-service as a typed {@code notification.requested} v2 and arrives by mail; the holder's
 * claim ends in a confirmation mail with one scannable QR code per ticket.
 */
@ExtendWith(RunningSuite.class)
class MessagesEndToEndIT {

    private static final Pattern LINK = Pattern.compile(Pattern.quote(RunningSuite.PORTAL_URL)
            + "/invitation/([A-Za-z0-9_-]{20,})");

    @Test
    void aNewQuotasInvitationAndItsClaimsConfirmationWithQrCodesReachTheHolder() throws Exception {
        long match = PortalData.match(0);
        String matchName = PortalData.matchName(0);
        String email = PortalData.email("mia");
        String guest = PortalData.email("max");
        String holder = Tokens.holder(email);
        String quota = given().auth().oauth2(Tokens.of(Tokens.ADMIN)).contentType(ContentType.JSON)
                .body(Map.of("holderEmail", email, "holderName", "Mia Mailer", "matchIds", List.of(match),
                        "sectors", List.of("W2"), "quantity", 2, "discountPercent", 50, "algorithm", "NM",
                        "locale", "en-GB"))
                .post(Service.QUOTA.url() + "/api/admin/quotas").then().statusCode(201).extract()
                .path("quotas[0].id");

        // the invitation: to the holder, with their deeplink and the match
        await("the invitation").atMost(Duration.ofSeconds(30))
                .until(() -> !PortalData.mails(email, "Your tickets from").isEmpty());
        String invitation = PortalData.unfold((String) PortalData.mails(email, "Your tickets from").get(0)
                .get("mimeMessage"));
        assertThat(invitation).contains("To: " + email).contains("Hello Mia Mailer").contains(matchName)
                .contains("2 tickets");
        Matcher link = LINK.matcher(invitation);
        assertThat(link.find()).as("a deeplink into the portal").isTrue();
        given().redirects().follow(false).get(link.group()).then().statusCode(org.hamcrest.Matchers.oneOf(200, 302,
                303));

        // the claim, paid in the payment sandbox
        List<String> tickets = PortalData.admin(quota).getList("tickets.id", String.class);
        String claims = Service.QUOTA.url() + "/api/holder/quotas/" + quota + "/claims";
        String claim = given().auth().oauth2(holder).contentType(ContentType.JSON)
                .body(Map.of("ticketIds", tickets)).post(claims).then().statusCode(201).extract().path("id");
        given().auth().oauth2(holder).contentType(ContentType.JSON).body(Map.of("attendees", List.of(
                Map.of("ticketId", tickets.get(0), "name", "Mia Mailer", "email", email),
                Map.of("ticketId", tickets.get(1), "name", "Max Mailer", "email", guest))))
                .put(claims + "/" + claim + "/attendees").then().statusCode(200);
        String paymentUrl = given().auth().oauth2(holder).post(claims + "/" + claim + "/payment").then()
                .statusCode(200).extract().path("paymentUrl");
        given().post(paymentUrl + "/succeed").then().statusCode(200);

        // the confirmations: one inline QR code per ticket, each a signed code naming its ticket; the guest gets theirs
        await("the confirmation").atMost(Duration.ofSeconds(30))
                .until(() -> !PortalData.mails(email, "confirmed").isEmpty());
        String confirmation = (String) PortalData.mails(email, "confirmed").get(0).get("mimeMessage");
        List<PortalData.Image> images = PortalData.pngParts(confirmation);
        assertThat(images).extracting(PortalData.Image::contentId)
                .containsExactlyInAnyOrder("<ticket-1@quota-suite>", "<ticket-2@quota-suite>");
        assertThat(images).extracting(image -> PortalData.ticketOf(PortalData.scan(image.png())))
                .containsExactlyInAnyOrderElementsOf(tickets);
        assertThat(PortalData.unfold(confirmation)).contains("cid:ticket-1@quota-suite")
                .contains("cid:ticket-2@quota-suite").contains("Max Mailer");
        await("the guest's confirmation").atMost(Duration.ofSeconds(30))
                .until(() -> !PortalData.mails(guest, "confirmed").isEmpty());
        List<PortalData.Image> guestImages = PortalData.pngParts((String) PortalData.mails(guest, "confirmed").get(0)
                .get("mimeMessage"));
        String guestCode = PortalData.scan(guestImages.get(0).png());
        assertThat(PortalData.ticketOf(guestCode)).isEqualTo(tickets.get(1));

        // the gate admits the scanned code once
        String gate = Tokens.of(Tokens.GATE);
        for (String outcome : List.of("VALID", "ALREADY_ADMITTED")) {
            given().auth().oauth2(gate).contentType(ContentType.JSON).body(Map.of("code", guestCode, "matchId", match))
                    .post(Service.QUOTA.url() + "/api/tickets/verify").then().statusCode(200)
                    .body("outcome", org.hamcrest.Matchers.equalTo(outcome))
                    .body("attendeeName", org.hamcrest.Matchers.equalTo("Max Mailer"));
        }
    }
}
