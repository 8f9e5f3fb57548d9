package com.stadium.quota.notification.email;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Subjects and fixed texts of the messages, in English. Another language is a file
 * {@code src/main/resources/messages/msg_<language>.properties} with the same keys; the request's locale picks it.
 * Values inserted here are escaped by the HTML templates that use these texts, so texts stay plain (no markup).
 */
@MessageBundle(value = "msg", locale = "en")
public interface MailMessages {

    /** The language tag of this bundle, for the HTML part's {@code lang}. */
    @Message("en")
    String language();

    @Message("Your tickets from {club}")
    String quotaInvitationSubject(String club);

    @Message("{sender} has passed tickets on to you")
    String subquotaInvitationSubject(String sender);

    @Message("Your tickets are confirmed")
    String claimConfirmationSubject();

    @Message("{sender} has taken back tickets")
    String subquotaRetractedSubject(String sender);

    @Message("Your tickets from {club} have been cancelled")
    String quotaCancelledSubject(String club);

    @Message("Reminder: your tickets expire on {date}")
    String expirationReminderSubject(String date);

    @Message("Test message from {club}")
    String testMessageSubject(String club);

    @Message("{sender} has given you a ticket")
    String ticketReassignedSubject(String sender);

    @Message("Your ticket has been given to someone else")
    String attendeeReplacedSubject();

    @Message("Hello {name},")
    String greeting(String name);

    @Message("Your {club} ticket office")
    String signature(String club);

    @Message("{club} has set aside {count} {#if count == 1}ticket{#else}tickets{/if} for you,"
            + " for each of these matches:")
    String invitationIntro(String club, int count);

    @Message("{sender} has passed {count} {#if count == 1}ticket{#else}tickets{/if} on to you,"
            + " for each of these matches:")
    String subquotaIntro(String sender, int count);

    @Message("{sender} writes:")
    String senderWrites(String sender);

    @Message("Please claim them in the portal by {date}.")
    String claimBy(String date);

    @Message("Claim your tickets")
    String claimButton();

    @Message("If the button does not work, copy this link into your browser:")
    String linkFallback();

    @Message("This link is personal: please do not forward it.")
    String personalLink();

    @Message("Here {#if count == 1}is your ticket{#else}are your {count} tickets{/if}."
            + " Show the QR code of each ticket at the gate.")
    String claimedIntro(int count);

    @Message("The QR codes are in the HTML version of this email.")
    String qrCodesInHtml();

    @Message("Sector {sector} · Row {row} · Seat {seat}")
    String seat(String sector, String row, String seat);

    @Message("Attendee: {name}")
    String attendee(String name);

    @Message("Reference: {reference}")
    String reference(String reference);

    @Message("{sender} has taken back {count} {#if count == 1}ticket{#else}tickets{/if}"
            + " that they had passed on to you, for these matches:")
    String retractedIntro(String sender, int count);

    @Message("Tickets you have already claimed stay yours.")
    String retractedClaimedStay();

    @Message("{count} {#if count == 1}ticket{#else}tickets{/if} of your quota {#if count == 1}has{#else}have{/if}"
            + " been cancelled, for these matches:")
    String cancelledIntro(int count);

    @Message("Tickets you have already claimed stay valid.")
    String cancelledSoldStay();

    @Message("This includes tickets you had claimed for matches that have not started yet.")
    String cancelledAllUnused();

    @Message("You will be refunded {amount} to the payment method you used.")
    String refund(String amount);

    @Message("You still have {count} unclaimed {#if count == 1}ticket{#else}tickets{/if} for these matches:")
    String reminderIntro(int count);

    @Message("They expire on {date}; after that the seats may go to someone else.")
    String reminderExpiresOn(String date);

    @Message("This is a test message from {club}'s quota office. If you can read it, mail from the suite reaches you.")
    String testIntro(String club);

    @Message("Note from the sender:")
    String testNote();

    @Message("{sender} has given you this ticket. Show its QR code at the gate.")
    String reassignedIntro(String sender);

    @Message("{sender} has given this ticket, which was yours, to someone else:")
    String replacedIntro(String sender);

    @Message("Its QR code is no longer valid at the gate; you need not do anything.")
    String replacedCodeVoid();
}
