package com.stadium.quota.messaging.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class NotificationKindTest {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();

    @Test
    void namesTheDataAnInvitationLacks() {
        Map<String, String> data = Map.of(NotificationData.DEEPLINK_TOKEN, "t", NotificationData.TICKET_COUNT, " ");
        assertEquals(List.of(NotificationData.MATCHES, NotificationData.TICKET_COUNT),
                NotificationKind.QUOTA_INVITATION.missingKeys(data), "the expiration date is optional");
        assertTrue(NotificationKind.TEST_MESSAGE.missingKeys(Map.of()).isEmpty());
    }

    @Test
    void anUnknownKindIsNoKind() {
        assertEquals(NotificationKind.CLAIM_CONFIRMATION, NotificationKind.of("CLAIM_CONFIRMATION").orElseThrow());
        assertTrue(NotificationKind.of("claim_confirmation").isEmpty());
        assertTrue(NotificationKind.of(null).isEmpty());
    }

    @Test
    void listsTravelAsJsonStringsInTheData() {
        List<Notice.Ticket> tickets = List.of(new Notice.Ticket("T-1", "FC Example v Rovers",
                Instant.parse("2026-12-05T18:30:00Z"), "W1", "12", "7", "Ada"));
        String value = NotificationData.write(tickets, json);
        assertEquals(tickets, NotificationData.readTickets(value, json));
        assertTrue(NotificationData.readMatches(null, json).isEmpty());
    }
}
