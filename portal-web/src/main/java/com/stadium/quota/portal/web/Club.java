package com.stadium.quota.portal.web;

import java.time.ZoneId;

/** The club the portal is for: what its pages say and in which time zone they show kick-offs ({@code suite.club.*}). */
public interface Club {

    /** The club's name as guests know it. */
    String name();

    /** Kick-offs and hold times are shown in this zone, never in UTC. */
    ZoneId timeZone();

    /** Where guests write when a link does not work or something is unclear. */
    String contactEmail();
}
