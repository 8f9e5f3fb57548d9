package com.stadium.quota.portal.live;

import com.stadium.quota.portal.holder.HolderSession;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

/**
 * The signed-in holder's live stream, for the dashboard and the claim pages: events of the quotas quota-service
 * lists for them (asked with their own token as the stream opens) and of quotas made for them later.
 */
@Path("/holder/live")
@RolesAllowed("quota-holder")
public class HolderLive {

    @Inject
    HolderSession session;

    @Inject
    LiveStreams streams;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    public Multi<OutboundSseEvent> live(@Context Sse sse, @HeaderParam("Last-Event-ID") String lastEventId,
            @QueryParam("since") String since) {
        return streams.holder(sse, session.viewer().email(), lastEventId != null ? lastEventId : since,
                LiveStreams.PAGE);
    }
}
