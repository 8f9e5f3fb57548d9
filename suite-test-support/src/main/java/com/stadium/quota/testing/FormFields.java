package com.stadium.quota.testing;

import java.io.ByteArrayOutputStream;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A urlencoded form's fields ({@code a=1&b=x%00}) as a browser sends them, read into raw bytes. */
final class FormFields {

    private FormFields() {
    }

    /** The name=value pairs, each still encoded, in order. */
    static List<String[]> pairs(String form) {
        List<String[]> pairs = new ArrayList<>();
        for (String pair : form.isEmpty() ? new String[0] : form.split("&")) {
            int eq = pair.indexOf('=');
            pairs.add(eq < 0 ? new String[] {pair, ""} : new String[] {pair.substring(0, eq), pair.substring(eq + 1)});
        }
        return pairs;
    }

    static String join(List<String[]> pairs) {
        return String.join("&", pairs.stream().map(p -> p[0] + "=" + p[1]).toList());
    }

    /** Each field with its value as bytes: {@code %xx} decoded byte by byte (broken UTF-8 stays broken). */
    static List<Map.Entry<String, byte[]>> decode(String form) {
        List<Map.Entry<String, byte[]>> fields = new ArrayList<>();
        for (String[] pair : pairs(form)) {
            fields.add(new AbstractMap.SimpleEntry<>(pair[0], bytes(pair[1])));
        }
        return fields;
    }

    private static byte[] bytes(String encoded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length() && Character.digit(encoded.charAt(i + 1), 16) >= 0
                    && Character.digit(encoded.charAt(i + 2), 16) >= 0) {
                out.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c == '+' ? ' ' : c);
            }
        }
        return out.toByteArray();
    }
}
