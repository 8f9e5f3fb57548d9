package com.stadium.quota.portal.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reading what a form sent back, where a user (or someone tampering with the form) may send anything. */
public final class Forms {

    private Forms() {
    }

    /** The ticket ids of a form; a value that is not an id is dropped and quota-service refuses what is left. */
    public static List<UUID> ids(List<String> values) {
        List<UUID> ids = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            try {
                ids.add(UUID.fromString(value.trim()));
            } catch (IllegalArgumentException notAnId) {
                // dropped, see above
            }
        }
        return ids;
    }

    public static String trim(String value) {
        return value == null ? "" : value.trim();
    }

    public static String query(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
