package com.stadium.quota.portal.web;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The club the portal is for: what its pages say and in which time zone they show kick-offs. */
@ConfigMapping(prefix = "suite.club")
public interface Club {

    /** The club's name as guests know it. */
    @WithDefault("FC Example")
    String name();

    /** Kick-offs and hold times are shown in this zone, never in UTC. */
    @WithDefault("Europe/Berlin")
    ZoneId timeZone();

    /** Where guests write when a link does not work or something is unclear. */
    @WithDefault("tickets@club.example")
    String contactEmail();
}
