package com.stadium.quota.portal.web;

import java.util.List;
import java.util.Locale;

/** The languages the portal's pages are written in; a guest gets the first of theirs that the portal speaks. */
public final class Languages {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

    private Languages() {
    }

    /** The portal's language for a browser's Accept-Language header (absent or unreadable: English). */
    public static Locale fromHeader(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            return pick(Locale.LanguageRange.parse(acceptLanguage).stream()
                    .map(range -> Locale.forLanguageTag(range.getRange())).toList());
        } catch (IllegalArgumentException unreadable) {
            return Locale.ENGLISH;
        }
    }

    /** The guest's preferred languages in order (the browser's Accept-Language); English when none matches. */
    public static Locale pick(List<Locale> preferred) {
        for (Locale wanted : preferred) {
            for (Locale spoken : SUPPORTED) {
                if (spoken.getLanguage().equals(wanted.getLanguage())) {
                    return spoken;
                }
            }
        }
        return Locale.ENGLISH;
    }
}
