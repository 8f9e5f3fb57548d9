package com.stadium.quota.web;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Every text of a JSON body is refused with a NUL character (\u0000) in it, naming its field: PostgreSQL cannot store
 * one, so it would otherwise end as a 500 wherever the text reaches the database (issue 17: malformed bodies).
 */
public class TextWithoutNul extends StdScalarDeserializer<String> {

    public static final String REASON = "must not contain a NUL character (\\u0000)";

    public TextWithoutNul() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String text = StringDeserializer.instance.deserialize(parser, context);
        if (text != null && text.indexOf('\u0000') >= 0) {
            throw InvalidFormatException.from(parser, REASON, text, String.class);
        }
        return text;
    }

    /** Puts the deserializer into the ObjectMapper of every service's REST layer. */
    @Singleton
    public static class Registration implements ObjectMapperCustomizer {
        @Override
        public void customize(ObjectMapper mapper) {
            mapper.registerModule(new SimpleModule("text-without-nul").addDeserializer(String.class,
                    new TextWithoutNul()));
        }
    }
}
