package com.stadium.quota.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

class SuiteEventTest {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void anEventKnowsItsTypeVersionAndTopicFromItsAnnotation() {
        SeatsReleased released = new SeatsReleased(7, UUID.randomUUID(), List.of(1L), "CANCELLED");
        assertThat(released.type()).isEqualTo("seats.released");
        assertThat(released.version()).isEqualTo(1);
        assertThat(released.topic()).isEqualTo(Topics.SEAT_RELEASES);
    }

    @Test
    void theEnvelopeCarriesTypeAndVersionAndThePayloadOnlyTheRecordsFields() throws Exception {
        SeatsReleased released = new SeatsReleased(7, UUID.randomUUID(), List.of(1L, 2L), "RETRACTED");
        String wire = json.writeValueAsString(EventEnvelope.of(released, "7", Instant.now(), json));
        EventEnvelope envelope = EventEnvelope.parse(wire, json);
        assertThat(envelope.type()).isEqualTo("seats.released");
        assertThat(envelope.version()).isEqualTo(1);
        assertThat(envelope.payload().has("topic")).isFalse();
        assertThat(envelope.payloadAs(SeatsReleased.class, json)).isEqualTo(released);
    }

    @Test
    void aMatchAnnouncementTravelsWhole() throws Exception {
        MatchAnnounced match = new MatchAnnounced(1, "DEMO-1", "FC Example vs Rivals United",
                Instant.parse("2026-12-05T18:30:00Z"), "ARENA", MatchAnnounced.MatchState.SCHEDULED, 42,
                List.of(new MatchAnnounced.SectorSeats("W1", "CAT1", 1450, 1436, 10, 4, 2)));
        String wire = json.writeValueAsString(EventEnvelope.of(match, "1", Instant.now(), json));
        EventEnvelope envelope = EventEnvelope.parse(wire, json);
        assertThat(envelope.type()).isEqualTo("match.announced");
        assertThat(match.topic()).isEqualTo("match-catalog");
        assertThat(envelope.payloadAs(MatchAnnounced.class, json)).isEqualTo(match);
    }

    @Test
    void aMatchStateThisVersionDoesNotKnowIsRefusedSoTheMessageGoesToTheDeadLetters() throws Exception {
        String wire = json.writeValueAsString(EventEnvelope.of(new MatchAnnounced(1, "X", "X", Instant.now(), "ARENA",
                MatchAnnounced.MatchState.SCHEDULED, 1, List.of()), "1", Instant.now(), json))
                .replace("\"SCHEDULED\"", "\"POSTPONED\"");
        EventEnvelope envelope = EventEnvelope.parse(wire, json);
        assertThatThrownBy(() -> envelope.payloadAs(MatchAnnounced.class, json))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("POSTPONED");
    }

    @Test
    void anEventWithoutItsAnnotationIsAProgrammingErrorNamedAtOnce() {
        record Unnamed(int x) implements SuiteEvent {
        }
        assertThatThrownBy(() -> new Unnamed(1).type()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lacks @EventType");
    }
}
