package com.stadium.quota.notification.email;

import static com.stadium.quota.notification.Requests.invitation;
import static com.stadium.quota.notification.Requests.request;
import static com.stadium.quota.notification.Requests.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.stadium.quota.messaging.contract.NotificationData;
import com.stadium.quota.messaging.contract.NotificationKind;
import com.stadium.quota.messaging.contract.Notice;
import com.stadium.quota.notification.ReceivedMail;
import com.stadium.quota.notification.Requests;
import com.stadium.quota.notification.EarlierRequestsSkipped;
import com.stadium.quota.notification.SmtpLinkResource;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Each kind of message, sent through Kafka and read back from the test stack's SMTP server. */
@QuarkusTest
@WithTestResource(value = SmtpLinkResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = EarlierRequestsSkipped.class, scope = TestResourceScope.GLOBAL)
class MessageKindsTest {

    private static final String PORTAL = "http://127.0.0.1:8080";
    private static final Instant EXPIRES = Instant.parse("2026-12-01T12:00:00Z");
    private static final Pattern LINK = Pattern.compile(Pattern.quote(PORTAL) + "/invitation/([^\"\\s<]+)");

    @Test
    void quotaInvitationLinksToThePortalWithTheTokenAndNamesMatchesTicketsAndExpiration() throws Exception {
        String email = uniqueEmail();
        String token = "tok/" + UUID.randomUUID() + "+x";
        UUID id = Requests.send(Requests.request(new Notice.QuotaInvitation(token, Requests.MATCH_LIST, 4, EXPIRES, 4),
                email, "Ada Sponsor", "en", "q-" + email));

        ReceivedMail mail = ReceivedMail.awaitFirst(email);
        assertThat(mail.subject()).isEqualTo("Your tickets from FC Example");
        assertThat(mail.header("X-Notification-Id")).isEqualTo(id.toString());
        for (String part : List.of(mail.text(), mail.html())) {
            assertThat(part).contains("Hello Ada Sponsor,")
                    .contains("FC Example has set aside 4 tickets for you")
                    .contains("FC Example v Rovers").contains("FC Example v United").contains("Dec 5, 2026")
                    .contains("December 1, 2026")
                    .contains("Your FC Example ticket office");
            assertThat(tokensIn(part)).isNotEmpty().allMatch(token::equals);
        }
        assertThat(mail.html()).contains("href=\"" + PORTAL + "/invitation/tok%2F");
    }

    @Test
    void aQuotaWithoutExpirationDateIsInvitedWithoutAClaimByLine() throws Exception {
        String email = uniqueEmail();
        Map<String, String> data = new java.util.HashMap<>(invitation("tok-" + UUID.randomUUID(), EXPIRES, Map.of()));
        data.remove(NotificationData.EXPIRES_AT);
        Requests.send(request(NotificationKind.QUOTA_INVITATION, email, "Ada Sponsor", "q-" + email, data));

        ReceivedMail mail = ReceivedMail.awaitFirst(email);
        for (String part : List.of(mail.text(), mail.html())) {
            assertThat(part).contains("FC Example has set aside 4 tickets for you").doesNotContain("Please claim");
        }
    }

    @Test
    void subquotaInvitationNamesTheSenderAndEscapesEveryUserSuppliedText() throws Exception {
        String email = uniqueEmail();
        Requests.send(request(NotificationKind.SUBQUOTA_INVITATION, email, "<img src=x onerror=alert(1)>",
                "q-" + email, invitation("t1", EXPIRES, Map.of(
                        NotificationData.SENDER_NAME, "Bob <script>alert('x')</script>",
                        NotificationData.PERSONAL_MESSAGE, "See you there & <b>bring a scarf</b>"))));

        ReceivedMail mail = ReceivedMail.awaitFirst(email);
        assertThat(mail.subject()).isEqualTo("Bob <script>alert('x')</script> has passed tickets on to you");
        assertThat(mail.html()).doesNotContain("<script>").doesNotContain("<img src=x").doesNotContain("<b>")
                .contains("Bob &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; has passed 4 tickets on to you")
                .contains("Hello &lt;img src=x onerror=alert(1)&gt;,")
                .contains("See you there &amp; &lt;b&gt;bring a scarf&lt;/b&gt;");
        // the text part shows them as written: plain text cannot run anything
        assertThat(mail.text()).contains("Bob <script>alert('x')</script> has passed 4 tickets on to you")
                .contains("See you there & <b>bring a scarf</b>");
    }

    @Test
    void claimConfirmationHasOneEntryAndOneScannableQrCodePerTicket() throws Exception {
        String email = uniqueEmail();
        List<Notice.Ticket> tickets = List.of(
                new Notice.Ticket("T-1001-W1-12-7", "FC Example v Rovers", Requests.KICKOFF, "W1", "12", "7",
                        "Ada Sponsor", SIGNED),
                new Notice.Ticket("T-1002-W1-12-8", "FC Example v Rovers", Requests.KICKOFF, "W1", "12", "8", null));
        Requests.send(Requests.request(new Notice.ClaimConfirmation(tickets, 0), email, "Ada", "en", "q-" + email));

        ReceivedMail mail = ReceivedMail.awaitFirst(email);
        assertThat(mail.subject()).isEqualTo("Your tickets are confirmed");
        for (String part : List.of(mail.text(), mail.html())) {
            assertThat(part).contains("Here are your 2 tickets")
                    .contains("Sector W1 · Row 12 · Seat 7").contains("Sector W1 · Row 12 · Seat 8")
                    .contains("Attendee: Ada Sponsor")
                    .contains("Reference: T-1001-W1-12-7").contains("Reference: T-1002-W1-12-8");
        }
        assertThat(scannedQrCodes(mail)).as("the signed code where the ticket has one, else its reference")
                .containsExactly(SIGNED, "T-1002-W1-12-8");
    }

    /** A signed ticket code as quota-service writes one (issue 21): about 150 characters. */
    private static final String SIGNED = "v1.demo2026.ZjJjNWQ4YjQtM2IxZS00YzZhLWE3ZDAtOTg1YzRlMWYwYjE3fDJ8MTE3fDE"
            + ".q0b7c1TtV0p9eQm2kC4lS8nW3xYzA1bC2dE3fG4hI5jK6lM7nO8pQ9rS0tU1vW2xY3zA4bC5dE6fG7hI8jK9lMAB";

    /** What a scanner reads from each QR image of the mail, in order. */
    private static List<String> scannedQrCodes(ReceivedMail mail) throws Exception {
        Matcher images = Pattern.compile("src=\"cid:([^\"]+)\"").matcher(mail.html());
        List<String> scanned = new ArrayList<>();
        while (images.find()) {
            scanned.add(QrCodesTest.decode(mail.image(images.group(1)).orElseThrow()));
        }
        return scanned;
    }

    @Test
    void aReassignedTicketReachesTheNewAttendeeWithItsSignedCodeAndWhoGaveIt() throws Exception {
        String email = uniqueEmail();
        Requests.send(Requests.request(new Notice.TicketReassigned(new Notice.Ticket("T-1001-W1-12-7",
                "FC Example v Rovers", Requests.KICKOFF, "W1", "12", "7", "Bea New", SIGNED), "Ada Sponsor"),
                email, "Bea New", "en", "q-" + email));

        ReceivedMail mail = ReceivedMail.awaitFirst(email);
        assertThat(mail.subject()).isEqualTo("Ada Sponsor has given you a ticket");
        for (String part : List.of(mail.text(), mail.html())) {
            assertThat(part).contains("Hello Bea New,").contains("Ada Sponsor has given you this ticket")
                    .contains("FC Example v Rovers").contains("Sector W1 · Row 12 · Seat 7")
                    .contains("Attendee: Bea New");
        }
        assertThat(scannedQrCodes(mail)).containsExactly(SIGNED);
    }

    @Test
    void thePreviousAttendeeLearnsInTheirLanguageThatTheSeatIsSomeoneElsesWithoutAName() throws Exception {
        String email = uniqueEmail();
        Requests.send(Requests.request(new Notice.AttendeeReplaced(new Notice.Match("FC Example v Rovers",
                Requests.KICKOFF), "W1", "12", "7", "Ada Sponsor"), email, "Gus Guest", "de", "q-" + email));

        ReceivedMail mail = ReceivedMail.awaitFirst(email);
        assertThat(mail.subject()).isEqualTo("Ihr Ticket wurde an jemand anderen gegeben");
        for (String part : List.of(mail.text(), mail.html())) {
            assertThat(part).contains("Hallo Gus Guest,")
                    .contains("Ada Sponsor hat dieses Ticket, das Ihres war, an jemand anderen gegeben")
                    .contains("FC Example v Rovers").contains("Block W1 · Reihe 12 · Platz 7")
                    .contains("gilt am Eingang nicht mehr");
        }
        assertThat(scannedQrCodes(mail)).as("no code to scan any more").isEmpty();
    }

    @Test
    void aVersion1ClaimConfirmationStillInFlightIsSentTheSameWay() throws Exception {
        String email = uniqueEmail();
        Requests.send(request(NotificationKind.CLAIM_CONFIRMATION, email, "Ada", "q-" + email,
                Map.of(NotificationData.TICKETS, NotificationData.write(List.of(new Notice.Ticket("T-1001-W1-12-7",
                        "FC Example v Rovers", Requests.KICKOFF, "W1", "12", "7", "Ada Sponsor")), Requests.JSON))));

        ReceivedMail mail = ReceivedMail.awaitFirst(email);
        assertThat(mail.subject()).isEqualTo("Your tickets are confirmed");
        assertThat(mail.text()).contains("Sector W1 · Row 12 · Seat 7").contains("Reference: T-1001-W1-12-7");
        assertThat(mail.html()).contains("src=\"cid:ticket-1@quota-suite\"");
    }

    @Test
    void subquotaRetractedSaysWhoTookBackHowManyAndThatClaimedTicketsStay() throws Exception {
        String email = uniqueEmail();
        Requests.send(request(NotificationKind.SUBQUOTA_RETRACTED, email, "Carl Guest", "q-" + email,
                Map.of(NotificationData.SENDER_NAME, "Ada Sponsor", NotificationData.MATCHES, Requests.MATCHES,
                        NotificationData.TICKET_COUNT, "1")));

        ReceivedMail mail = ReceivedMail.awaitFirst(email);
        assertThat(mail.subject()).isEqualTo("Ada Sponsor has taken back tickets");
        for (String part : List.of(mail.text(), mail.html())) {
            assertThat(part).contains("Ada Sponsor has taken back 1 ticket that they had passed on to you")
                    .contains("FC Example v Rovers").contains("Tickets you have already claimed stay yours.");
        }
    }

    @Test
    void quotaCancelledSaysWhatWasCancelledAndTheRefundWhereTicketsWerePaid() throws Exception {
        String email = uniqueEmail();
        Requests.send(request(NotificationKind.QUOTA_CANCELLED, email, "Ada", "q-" + email,
                Map.of(NotificationData.MATCHES, Requests.MATCHES, NotificationData.TICKET_COUNT, "3",
                        NotificationData.CANCELLATION_SCOPE, "ALL_UNUSED",
                        NotificationData.REFUND_AMOUNT, "170.00 EUR")));

        ReceivedMail mail = ReceivedMail.awaitFirst(email);
        assertThat(mail.subject()).isEqualTo("Your tickets from FC Example have been cancelled");
        for (String part : List.of(mail.text(), mail.html())) {
            assertThat(part).contains("3 tickets of your quota have been cancelled").contains("FC Example v United")
                    .contains("tickets you had claimed for matches that have not started")
                    .contains("You will be refunded 170.00 EUR");
        }
    }

    @Test
    void quotaCancelledWithoutPaidTicketsHasNoRefundNote() throws Exception {
        String email = uniqueEmail();
        Requests.send(request(NotificationKind.QUOTA_CANCELLED, email, "Ada", "q-" + email,
                Map.of(NotificationData.MATCHES, Requests.MATCHES, NotificationData.TICKET_COUNT, "1",
                        NotificationData.CANCELLATION_SCOPE, "UNFULFILLED_ONLY")));

        ReceivedMail mail = ReceivedMail.awaitFirst(email);
        for (String part : List.of(mail.text(), mail.html())) {
            assertThat(part).contains("1 ticket of your quota has been cancelled")
                    .contains("Tickets you have already claimed stay valid.").doesNotContain("refunded");
        }
    }

    @Test
    void expirationReminderRequestedDirectlyNamesTheUnclaimedTicketsAndLinksToThePortal() throws Exception {
        String email = uniqueEmail();
        Requests.send(request(NotificationKind.EXPIRATION_REMINDER, email, "Ada", "q-" + email,
                Map.of(NotificationData.DEEPLINK_TOKEN, "reminder-token", NotificationData.MATCHES, Requests.MATCHES,
                        NotificationData.EXPIRES_AT, EXPIRES.toString(), NotificationData.UNCLAIMED_TICKETS, "2")));

        ReceivedMail mail = ReceivedMail.awaitFirst(email);
        assertThat(mail.subject()).isEqualTo("Reminder: your tickets expire on December 1, 2026");
        for (String part : List.of(mail.text(), mail.html())) {
            assertThat(part).contains("You still have 2 unclaimed tickets").contains("They expire on December 1, 2026");
            assertThat(tokensIn(part)).isNotEmpty().allMatch("reminder-token"::equals);
        }
    }

    @Test
    void aGermanRecipientGetsTheGermanTextsAndDates() throws Exception {
        String email = uniqueEmail();
        Requests.send(Requests.request(new Notice.QuotaInvitation("tok-de", Requests.MATCH_LIST, 1, EXPIRES, 1),
                email, "Anna Sponsor", "de-AT", "q-" + email));

        ReceivedMail mail = ReceivedMail.awaitFirst(email);
        assertThat(mail.subject()).isEqualTo("Ihre Tickets von FC Example");
        for (String part : List.of(mail.text(), mail.html())) {
            assertThat(part).contains("Hallo Anna Sponsor,").contains("FC Example hat 1 Ticket für Sie reserviert")
                    .contains("1. Dezember 2026");
        }
    }

    @Test
    void anUnknownLanguageFallsBackToEnglish() throws Exception {
        String email = uniqueEmail();
        Requests.send(Requests.request(new Notice.TestMessage("hi"), email, "Zoë", "sw-KE", null));

        ReceivedMail mail = ReceivedMail.awaitFirst(email);
        assertThat(mail.subject()).isEqualTo("Test message from FC Example");
        assertThat(mail.text()).contains("Hello Zoë,").contains("Note from the sender: hi");
    }

    private static List<String> tokensIn(String part) {
        Matcher links = LINK.matcher(part);
        List<String> tokens = new ArrayList<>();
        while (links.find()) {
            tokens.add(URLDecoder.decode(links.group(1), StandardCharsets.UTF_8));
        }
        return tokens;
    }
}
