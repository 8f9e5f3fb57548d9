package com.stadium.quota.portal.seats;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.stadium.quota.portal.admin.AllocationServiceClient;
import com.stadium.quota.portal.admin.AllocationServiceClient.SeatView;
import com.stadium.quota.portal.seats.SeatMap.SeatKey;
import com.stadium.quota.portal.web.PortalMessages;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

/** Reads a sector's seats from allocation-service and draws them for a page, in the reader's language. */
@RequestScoped
public class SeatMaps {

    private static final Logger LOG = Logger.getLogger(SeatMaps.class);

    @Inject
    @RestClient
    AllocationServiceClient allocation;

    /**
     * One drawn sector: its SVG (empty when allocation-service could not be asked) and how many seats are ringed.
     */
    public record SectorMap(long matchId, String sector, Optional<String> svg, int highlighted) {
    }

    /** The sector at the match with the given seats ringed; without allocation-service a map without drawing. */
    public SectorMap sector(long matchId, String sector, Set<SeatKey> highlighted, Locale locale) {
        try {
            List<SeatView> seats = allocation.seats(matchId, sector);
            int rung = (int) seats.stream().filter(s -> highlighted.contains(SeatKey.of(s))).count();
            return new SectorMap(matchId, sector, Optional.of(SeatMap.svg(sector, seats, highlighted,
                    title(locale, highlighted))), rung);
        } catch (WebApplicationException | ProcessingException e) {
            LOG.warnf("no seat map of %s at match %d: %s", sector, matchId, e.getMessage());
            return new SectorMap(matchId, sector, Optional.empty(), 0);
        }
    }

    private static Function<SeatView, String> title(Locale locale, Set<SeatKey> highlighted) {
        PortalMessages msg = MessageBundles.get(PortalMessages.class, Localized.Literal.of(locale.getLanguage()));
        return seat -> msg.seatTitle(seat.rowLabel(), seat.label(), seat.state(), seat.accessible(),
                seat.restrictedView(), highlighted.contains(SeatKey.of(seat)));
    }
}
