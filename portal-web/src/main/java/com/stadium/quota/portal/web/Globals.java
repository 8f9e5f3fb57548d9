package com.stadium.quota.portal.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateGlobal;

/** Data every page may print without each resource passing it. */
@TemplateGlobal
public final class Globals {

    private Globals() {
    }

    /** The club's name from configuration (suite.club.name), in every page's header and title. */
    public static String clubName() {
        return Arc.container().instance(Club.class).get().name();
    }
}
