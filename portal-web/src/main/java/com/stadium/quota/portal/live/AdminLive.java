package com.stadium.quota.portal.live;

import java.util.UUID;

import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

/** An admin's live stream on one quota's page: that quota's events and its subquotas'. */
@Path("/admin/quotas/{quotaId}/live")
@RolesAllowed("quota-manager")
public class AdminLive {

    @Inject
    LiveStreams streams;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> live(@PathParam("quotaId") UUID quotaId, @Context Sse sse,
            @HeaderParam("Last-Event-ID") String lastEventId, @QueryParam("since") String since) {
        return streams.open(sse, Audience.quota(quotaId), lastEventId != null ? lastEventId : since,
                LiveStreams.quotaPage(quotaId));
    }
}
