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
        SeatsReleased released = new SeatsReleased(7, UUID.randomUUID(), List.of(1L), SeatsReleased.Reason.CANCELLED);
        assertThat(released.type()).isEqualTo("seats.released");
        assertThat(released.version()).isEqualTo(1);
        assertThat(released.topic()).isEqualTo(Topics.SEAT_RELEASES);
    }

    @Test
    void theEnvelopeCarriesTypeAndVersionAndThePayloadOnlyTheRecordsFields() throws Exception {
        SeatsReleased released = new SeatsReleased(7, UUID.randomUUID(), List.of(1L, 2L),
                SeatsReleased.Reason.RETRACTED);
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
    void anInventoryChangeTravelsWholeOnItsOwnTopic() throws Exception {
        InventoryChanged changed = new InventoryChanged(4, "3f0c9a2e-5d41-4c55-9d0e-0b7d3f1a2c11", 2);
        String wire = json.writeValueAsString(EventEnvelope.of(changed, "4", Instant.now(), json));
        EventEnvelope envelope = EventEnvelope.parse(wire, json);
        assertThat(envelope.type()).isEqualTo("inventory.changed");
        assertThat(envelope.version()).isEqualTo(1);
        assertThat(changed.topic()).isEqualTo("inventory-changes");
        assertThat(envelope.payloadAs(InventoryChanged.class, json)).isEqualTo(changed);
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
    void enumsTravelAsTheirNamesSoVersionOneMessagesReadAsBefore() throws Exception {
        String written = "{\"requestId\":\"6f1c0000-0000-0000-0000-000000000001\",\"outcome\":\"PARTIALLY_ALLOCATED\","
                + "\"requested\":4,\"allocated\":3,\"freeSeats\":3,\"reason\":null,\"algorithm\":\"REDOM\",\"seed\":7}";
        AllocationCompleted completed = json.readValue(written, AllocationCompleted.class);
        assertThat(completed.outcome()).isEqualTo(AllocationCompleted.Outcome.PARTIALLY_ALLOCATED);
        assertThat(completed.algorithm()).isEqualTo(AllocationRequested.Algorithm.REDOM);
        assertThat(json.valueToTree(completed).get("outcome").asText()).isEqualTo("PARTIALLY_ALLOCATED");

        QuotaChanged changed = json.readValue("{\"change\":\"CLAIM_COMPLETED\",\"state\":\"ALLOCATED\","
                + "\"ticketCounts\":{\"SOLD\":2}}", QuotaChanged.class);
        assertThat(changed.change()).isEqualTo(QuotaChanged.Change.CLAIM_COMPLETED);
        assertThat(json.valueToTree(changed).get("state").asText()).isEqualTo("ALLOCATED");
    }

    @Test
    void anOutcomeOrAlgorithmThisVersionDoesNotKnowIsRefusedNamingTheValue() throws Exception {
        AllocationCompleted completed = new AllocationCompleted(UUID.randomUUID(), AllocationCompleted.Outcome.FAILED,
                4, 0, 1, "only 1 free", AllocationRequested.Algorithm.NM, 7, List.of(), List.of());
        String wire = json.writeValueAsString(EventEnvelope.of(completed, "1", Instant.now(), json));
        EventEnvelope unknownOutcome = EventEnvelope.parse(wire.replace("\"FAILED\"", "\"WAITLISTED\""), json);
        assertThatThrownBy(() -> unknownOutcome.payloadAs(AllocationCompleted.class, json))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("WAITLISTED");
        EventEnvelope unknownAlgorithm = EventEnvelope.parse(wire.replace("\"NM\"", "\"ROWS\""), json);
        assertThatThrownBy(() -> unknownAlgorithm.payloadAs(AllocationCompleted.class, json))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ROWS");
    }

    @Test
    void anEventWithoutItsAnnotationIsAProgrammingErrorNamedAtOnce() {
        record Unnamed(int x) implements SuiteEvent {
        }
        assertThatThrownBy(() -> new Unnamed(1).type()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lacks @EventType");
    }
}
