package com.stadium.quota.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import jakarta.ws.rs.core.Response;

class TextWithoutNulTest {

    record Seat(String name, List<String> tags) {
    }

    record Venue(String code, List<Seat> seats) {
    }

    private final ObjectMapper json = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        new TextWithoutNul.Registration().customize(mapper);
        return mapper;
    }

    @Test
    void aNulInANestedTextIsRefusedNamingItsField() {
        assertThatThrownBy(() -> json.readValue("{\"code\":\"A\",\"seats\":[{\"name\":\"x\\u0000y\"}]}", Venue.class))
                .isInstanceOfSatisfying(InvalidFormatException.class, e -> {
                    Response refusal = new Refusals().mismatched(e);
                    assertThat(refusal.getStatus()).isEqualTo(400);
                    Violation violation = ((Refusals.Problem) refusal.getEntity()).violations().get(0);
                    assertThat(violation.field()).isEqualTo("seats[0].name");
                    assertThat(violation.message()).isEqualTo(TextWithoutNul.REASON);
                });
        assertThatThrownBy(() -> json.readValue("{\"seats\":[{\"tags\":[\"ok\",\"\\u0000\"]}]}", Venue.class))
                .isInstanceOf(InvalidFormatException.class);
    }

    @Test
    void otherTextIsReadAsBefore() throws Exception {
        assertThat(json.readValue("{\"code\":\"Ä \\u0001 12\",\"seats\":[{\"name\":null,\"tags\":[\"a\"]}]}",
                Venue.class)).isEqualTo(new Venue("Ä \u0001 12", List.of(new Seat(null, List.of("a")))));
        assertThat(json.readValue("{\"code\":12}", Venue.class).code()).as("a number still reads as text")
                .isEqualTo("12");
    }
}
