package com.stadium.quota.portal.live;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

/**
 * The app's live stream (README, "Live updates"): the same events as the holder's pages, as {@code event: quota},
 * for a bearer token of the quota-app client (tenant "app": signature, issuer, audience quota-service, azp quota-app).
 * The app reads it with fetch streaming, since an EventSource cannot send the Authorization header.
 */
@Path("/app/live")
@RolesAllowed("quota-holder")
public class AppLive {

    @Inject
    JsonWebToken accessToken;

    @Inject
    LiveStreams streams;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    public Multi<OutboundSseEvent> live(@Context Sse sse, @HeaderParam("Last-Event-ID") String lastEventId) {
        return streams.holder(sse, accessToken.getClaim("email"), lastEventId, LiveStreams.APP);
    }
}
