package com.stadium.quota.notification.message;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.stadium.quota.messaging.contract.NotificationRequested;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** What was sent to whom, for the admin portal ("invitation sent / failed"), and resending. */
@Path("/api/admin/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("quota-manager")
@Tag(name = "Notifications (admin)")
@SecurityRequirement(name = "SecurityScheme")
public class NotificationAdminResource {

    /** A notification and its delivery state. */
    public record NotificationView(UUID id, String kind, String recipientEmail, String quotaId,
            NotificationStatus status, int attempts, String lastError, Instant receivedAt, Instant sentAt,
            UUID resendOf) {
        static NotificationView of(Notification n) {
            return new NotificationView(n.id, n.kind, n.recipientEmail, n.quotaId, n.status, n.delivery.attempts,
                    n.delivery.lastError, n.receivedAt, n.delivery.sentAt, n.resendOf);
        }
    }

    @Inject
    ObjectMapper json;

    @Inject
    JsonWebToken caller;

    @Inject
    NotificationDispatcher dispatcher;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    Clock clock;

    @GET
    @Path("/{id}")
    @Operation(summary = "One notification by its id (the id of the request event)")
    public NotificationView get(@PathParam("id") UUID id) {
        return NotificationView.of(find(id, LockModeType.NONE));
    }

    @POST
    @Path("/{id}/resend")
    @Transactional
    @Operation(summary = "Send a sent or failed notification again, as a new notification with the same content")
    @APIResponse(responseCode = "202", description = "the new notification, queued; it names the original in resendOf")
    @APIResponse(responseCode = "404", description = "no such notification")
    @APIResponse(responseCode = "409", description = "it, or an earlier resend of it, is still being sent")
    public Response resend(@PathParam("id") UUID id) {
        // the lock and the check make a double click send one copy, not two
        Notification original = find(id, LockModeType.PESSIMISTIC_WRITE);
        if (original.status == NotificationStatus.PENDING
                || Notification.count("resendOf = ?1 and status = ?2", id, NotificationStatus.PENDING) > 0) {
            throw new ClientErrorException("notification " + id + " is still being sent", Response.Status.CONFLICT);
        }
        NotificationRequested request = original.request(json);
        Notification copy = Notification.pending(UUID.randomUUID(), new NotificationRequested(
                request.recipientEmail(), request.recipientName(), request.locale(), request.quotaId(),
                caller.getName(), request.notice()), clock.instant(), json);
        copy.resendOf = id;
        copy.persist();
        dispatcher.wakeUpAfterCommit(transactions);
        return Response.accepted(NotificationView.of(copy)).build();
    }

    private static Notification find(UUID id, LockModeType lock) {
        Notification notification = Notification.findById(id, lock);
        if (notification == null) {
            throw new NotFoundException("no notification " + id);
        }
        return notification;
    }

    @GET
    @Path("/deliveries")
    @Operation(summary = "For each quota, how its invitation was delivered (sponsor tracking)",
            description = "Per quota asked for (quotaId, repeatable, up to 200): the latest QUOTA_INVITATION or "
                    + "SUBQUOTA_INVITATION with its status, attempts, last error and sent time, and how many "
                    + "invitations were asked for, sent and failed in all (re-sends included). One query.")
    public DeliveriesView deliveries(
            @QueryParam("quotaId") @NotEmpty(message = "name at least one quota") @Size(max = 200,
                    message = "at most 200 quotas at once") List<@NotBlank String> quotaIds) {
        List<Notification> invitations = Notification.list("quotaId in ?1 and kind in ?2", quotaIds,
                InvitationDeliveries.KINDS);
        return new DeliveriesView(InvitationDeliveries.of(quotaIds, invitations));
    }

    /** The answer of {@link #deliveries}: one entry per quota, in the order asked. */
    public record DeliveriesView(List<InvitationDeliveries.Delivery> quotas) {
    }

    @GET
    @Operation(summary = "The notifications of one quota, newest first")
    public List<NotificationView> byQuota(@QueryParam("quotaId") @NotBlank String quotaId) {
        return Notification.<Notification>list("quotaId = ?1 order by receivedAt desc", quotaId).stream()
                .map(NotificationView::of).toList();
    }
}
