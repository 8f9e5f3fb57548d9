package com.stadium.quota.portal.live;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import com.stadium.quota.portal.holder.HolderQuotaClient;
import com.stadium.quota.portal.holder.HolderQuotaClient.MyQuota;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.qute.TemplateGlobal;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

/**
 * Turns a hub subscription into server-sent events, named for their reader (see {@link Naming}) so htmx refreshes
 * just the part that changed. Every reader gets "refresh" when what it missed is no longer known.
 */
@ApplicationScoped
public class LiveStreams {

    /** How a stream names its events, i.e. what its reader listens for. */
    public interface Naming {
        String of(LiveHub.Delivery delivery);
    }

    /** Holder pages: "quota-{id}" for each quota the page shows, "quota-added" for one new to it. */
    public static final Naming PAGE = d -> d.verdict() == Audience.Verdict.ADDED ? "quota-added"
            : "quota-" + d.event().quotaId();

    /** The app (README, "Live updates"): every event is "quota". */
    public static final Naming APP = d -> "quota";

    /** An admin's quota page: any change of the quota or its subquotas is "quota-{that quota}". */
    public static Naming quotaPage(UUID quotaId) {
        return d -> "quota-" + quotaId;
    }

    @Inject
    LiveHub hub;

    @Inject
    LiveConfig config;

    @Inject
    @RestClient
    HolderQuotaClient quotas;

    /** A holder's stream (pages or app): what quota-service lists for them now, asked with their own token. */
    public Multi<OutboundSseEvent> holder(Sse sse, String email, String lastEventId, Naming naming) {
        return open(sse, Audience.holder(email, visible(quotas.mine())), lastEventId, naming);
    }

    /** The holder's quotas, the ones sent to them, and what they passed on. */
    static Set<UUID> visible(List<MyQuota> mine) {
        Set<UUID> ids = new HashSet<>();
        for (MyQuota quota : mine) {
            ids.add(quota.id());
            if (quota.subquotas() != null) {
                quota.subquotas().forEach(sub -> ids.add(sub.id()));
            }
        }
        return ids;
    }

    public Multi<OutboundSseEvent> open(Sse sse, Audience audience, String lastEventId, Naming naming) {
        OutboundSseEvent hello = sse.newEventBuilder().comment("live")
                .reconnectDelay(config.reconnectDelay().toMillis()).build();
        Multi<OutboundSseEvent> events = Multi.createFrom().<OutboundSseEvent>emitter(emitter -> {
            LiveHub.Subscription subscription = hub.open(audience, lastEventId,
                    delivery -> emitter.emit(event(sse, delivery, naming)));
            emitter.onTermination(subscription::close);
            // after the subscription: a reader that got the stream's first line misses no later event
            emitter.emit(hello);
        }, BackPressureStrategy.BUFFER);
        // a stream ends now and then: the browser reconnects with Last-Event-ID through a fresh session check
        return events.select().first(config.maxLength());
    }

    static OutboundSseEvent event(Sse sse, LiveHub.Delivery delivery, Naming naming) {
        if (delivery.refresh()) {
            return sse.newEventBuilder().name("refresh").data("{}").build();
        }
        return sse.newEventBuilder().id(delivery.id()).name(naming.of(delivery)).data(delivery.event().data())
                .build();
    }

    /** Where a request's page is noted to have started (see {@link #notePosition}). */
    static final String POSITION = "live-position";

    /**
     * Notes the hub's position as a request arrives, before its page fetches anything: an event the hub reads while
     * the page fetches and renders is then still sent to the page's stream.
     */
    @ServerRequestFilter
    public void notePosition(RoutingContext http) {
        http.put(POSITION, hub.position());
    }

    /** For pages: the hub's position when the page's request came, so its stream starts from there. */
    @TemplateGlobal
    public static final class Since {
        private Since() {
        }

        public static String liveSince() {
            ArcContainer arc = Arc.container();
            RoutingContext http = arc.requestContext().isActive()
                    ? arc.instance(CurrentVertxRequest.class).get().getCurrent() : null;
            String noted = http == null ? null : http.get(POSITION);
            return noted != null ? noted : arc.instance(LiveHub.class).get().position();
        }
    }
}
