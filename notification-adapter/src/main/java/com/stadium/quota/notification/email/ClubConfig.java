package com.stadium.quota.notification.email;

import io.smallrye.config.ConfigMapping;

/** How the club presents itself in every message. */
@ConfigMapping(prefix = "suite.club")
public interface ClubConfig {

    /** The club's name, in subjects and signatures. */
    String name();

    /** Main colour of the mail layout, as a CSS colour. */
    String primaryColour();

    /** Base URL of the portal; links in messages start with it. */
    String portalUrl();
}
