package com.stadium.quota.notification.email;

import java.time.ZoneId;
import java.util.Optional;

/** How the club presents itself in every message ({@code suite.club.*}). */
public interface ClubConfig {

    /** The club's name, in subjects and signatures. */
    String name();

    /** Main colour of the mail layout, as a CSS colour. */
    String primaryColour();

    /** Absolute URL of the club's logo, shown in the mail header; without it the header shows the name only. */
    Optional<String> logoUrl();

    /** Base URL of the portal; links in messages start with it. */
    String portalUrl();

    /** The stadium's time zone: kick-offs and expiration dates are shown in it. */
    ZoneId timeZone();

    /** For templates, which cannot unwrap an Optional. */
    default String logo() {
        return logoUrl().orElse("");
    }
}
