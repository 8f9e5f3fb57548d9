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
    void anEventWithoutItsAnnotationIsAProgrammingErrorNamedAtOnce() {
        record Unnamed(int x) implements SuiteEvent {
        }
        assertThatThrownBy(() -> new Unnamed(1).type()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lacks @EventType");
    }
}
