package com.stadium.quota.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One reason input was refused.
 *
 * @param field the JSON path or column name, e.g. {@code sectors[2].seats[14].quality}
 * @param message why, in words a user understands
 * @param line for uploads: the line of the file (1 is the header line)
 * @param value the value that was refused, when there was one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Violation(String field, String message, Integer line, String value) {

    public static Violation of(String field, String message) {
        return new Violation(field, message, null, null);
    }

    public static Violation at(int line, String column, String value, String message) {
        return new Violation(column, message, line, value);
    }
}
