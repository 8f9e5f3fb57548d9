package com.stadium.quota.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

class NotificationRequestedTest {

    private static final Instant KICKOFF = Instant.parse("2026-12-05T18:30:00Z");
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private EventEnvelope onTheWire(Object payload, int version) throws Exception {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), NotificationRequested.TYPE, version,
                Instant.now(), "vip@sponsor.example", json.valueToTree(payload));
        return EventEnvelope.parse(json.writeValueAsString(envelope), json);
    }

    private static NotificationRequestedV1 v1(String kind, Map<String, String> data) {
        return new NotificationRequestedV1(kind, "vip@sponsor.example", "Ada Sponsor", "de", "q-42", "admin", data);
    }

    @Test
    void aTypedRequestTravelsAsVersion2WithItsKindInsideTheNotice() throws Exception {
        NotificationRequested request = new NotificationRequested("vip@sponsor.example", "Ada Sponsor", "de", "q-42",
                "admin", new Notice.ClaimConfirmation(List.of(new Notice.Ticket("T-1", "FC Example v Rovers", KICKOFF,
                        "W3", "12", "17", "Ada")), 2));
        EventEnvelope envelope = EventEnvelope.parse(json.writeValueAsString(
                EventEnvelope.of(request, "q-42", Instant.now(), json)), json);

        assertThat(envelope.version()).isEqualTo(2);
        assertThat(envelope.payload().path("notice").path("kind").asText()).isEqualTo("CLAIM_CONFIRMATION");
        assertThat(envelope.payload().path("notice").path("tickets").get(0).path("reference").asText())
                .isEqualTo("T-1");
        assertThat(envelope.payload().has("kind")).isFalse();
        assertThat(NotificationRequested.from(envelope, json)).isEqualTo(request);
    }

    @Test
    void aVersion1InvitationBecomesTheTypedInvitation() throws Exception {
        String matches = NotificationData.write(List.of(new Notice.Match("FC Example v Rovers", KICKOFF)), json);
        EventEnvelope envelope = onTheWire(v1("SUBQUOTA_INVITATION", Map.of("deeplinkToken", "Zx8q",
                "matches", matches, "ticketCount", "2", "expiresAt", "2026-12-01T22:59:59Z", "senderName", "Pia",
                "personalMessage", "Enjoy!", "unclaimedTickets", "2")), 1);

        NotificationRequested request = NotificationRequested.from(envelope, json);

        assertThat(request.locale()).isEqualTo("de");
        assertThat(request.quotaId()).isEqualTo("q-42");
        assertThat(request.notice()).isEqualTo(new Notice.SubquotaInvitation("Zx8q",
                List.of(new Notice.Match("FC Example v Rovers", KICKOFF)), 2,
                Instant.parse("2026-12-01T22:59:59Z"), 2, "Pia", "Enjoy!"));
    }

    @Test
    void aVersion1CancellationKeepsItsScopeAndReadsTheRefundAsMoney() throws Exception {
        String matches = NotificationData.write(List.of(new Notice.Match("FC Example v Rovers", KICKOFF)), json);
        NotificationRequested request = NotificationRequested.from(onTheWire(v1("QUOTA_CANCELLED", Map.of(
                "matches", matches, "ticketCount", "3", "cancellationScope", "ALL_UNUSED",
                "refundAmount", "170.00 EUR")), 1), json);

        assertThat(request.notice()).isEqualTo(new Notice.QuotaCancelled(
                List.of(new Notice.Match("FC Example v Rovers", KICKOFF)), 3, Notice.CancellationScope.ALL_UNUSED,
                new Notice.Money(17000, "EUR")));
        assertThat(request.notice().unclaimed()).isZero();
    }

    @Test
    void aVersion1TestMessageNeedsNoData() throws Exception {
        assertThat(NotificationRequested.from(onTheWire(v1("TEST_MESSAGE", Map.of()), 1), json).notice())
                .isEqualTo(new Notice.TestMessage(""));
    }

    @Test
    void aVersion1RequestOfAnUnknownKindOrWithMissingDataIsRefusedWithTheReason() throws Exception {
        EventEnvelope unknown = onTheWire(v1("BIRTHDAY_CARD", Map.of()), 1);
        assertThatThrownBy(() -> NotificationRequested.from(unknown, json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no message template for kind BIRTHDAY_CARD");
        EventEnvelope incomplete = onTheWire(v1("QUOTA_INVITATION", Map.of("ticketCount", "2")), 1);
        assertThatThrownBy(() -> NotificationRequested.from(incomplete, json))
                .hasMessage("QUOTA_INVITATION lacks data [deeplinkToken, matches]");
        EventEnvelope unreadable = onTheWire(v1("CLAIM_CONFIRMATION", Map.of("tickets", "[{\"match\":\"X\"}]")), 1);
        assertThatThrownBy(() -> NotificationRequested.from(unreadable, json))
                .hasMessageContaining("CLAIM_CONFIRMATION has unreadable data").hasMessageContaining("ticket reference");
    }

    @Test
    void aVersionOrKindThisReaderDoesNotKnowIsRefused() throws Exception {
        EventEnvelope future = onTheWire(Map.of("recipientEmail", "a@b.example"), 3);
        assertThatThrownBy(() -> NotificationRequested.from(future, json))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("notification.requested version 3 is not known");
        EventEnvelope birthday = onTheWire(Map.of("recipientEmail", "a@b.example",
                "notice", Map.of("kind", "BIRTHDAY_CARD")), 2);
        assertThatThrownBy(() -> NotificationRequested.from(birthday, json))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BIRTHDAY_CARD");
        EventEnvelope lacking = onTheWire(Map.of("recipientEmail", "a@b.example",
                "notice", Map.of("kind", "QUOTA_INVITATION", "ticketCount", 2)), 2);
        assertThatThrownBy(() -> NotificationRequested.from(lacking, json))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lacks deeplinkToken");
    }
}
