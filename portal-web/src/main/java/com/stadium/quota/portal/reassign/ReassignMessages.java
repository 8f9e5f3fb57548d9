package com.stadium.quota.portal.reassign;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The re-assignment's texts, in English; messages/transfer_de.properties translates them. A bundle of its own, as
 * {@code imp}: Quarkus 3.33 generates a broken resolver for a bundle of more than 300 messages.
 */
@MessageBundle("transfer")
public interface ReassignMessages {

    @Message("Change attendee")
    String changeAttendee();

    @Message("Change attendee of sector {sector}, row {row}, seat {seat}")
    String changeAttendeeOf(String sector, String row, String seat);

    @Message("Who uses this ticket now?")
    String title();

    @Message("The new attendee gets the ticket by email with a new QR code; the code {#if name}{name}{#else}the previous attendee{/if} has now stops working at the gate, and we tell {#if name}{name}{#else}them{/if} the ticket was passed on.")
    String lead(String name);

    @Message("Name of the new attendee")
    String name();

    @Message("Email of the new attendee")
    String email();

    @Message("Pass the ticket on")
    String submit();

    @Message("Seat {sector} {row} {seat} now belongs to {name}; we emailed them the ticket and told {#if previous}{previous}{#else}the previous attendee{/if} it was passed on.")
    String done(String sector, String row, String seat, String name, String previous);

    @Message("Someone changed this ticket a moment ago, in another window or in the app. This is how it stands now; send your change again if you still want it.")
    String conflictChanged();

    @Message("This ticket cannot be passed on any more: it changed a moment ago, or kick-off is too close. This is how it stands now.")
    String conflictClosed();

    @Message("The attendee of this ticket cannot be changed: only sold tickets of quotas the club lets you pass on, and only until shortly before kick-off.")
    String notReassignable();
}
