package com.stadium.quota.quotaservice.quota;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** A quota's seat-quality summary as JSON text in its column, so the aggregate needs no Hibernate type. */
@Converter
public class SeatQualityColumn implements AttributeConverter<Quota.SeatQuality, String> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String convertToDatabaseColumn(Quota.SeatQuality quality) {
        try {
            return quality == null ? null : JSON.writeValueAsString(quality);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Quota.SeatQuality convertToEntityAttribute(String stored) {
        try {
            return stored == null ? null : JSON.readValue(stored, Quota.SeatQuality.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a quota's stored seat quality cannot be read", e);
        }
    }
}
