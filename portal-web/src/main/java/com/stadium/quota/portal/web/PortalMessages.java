package com.stadium.quota.portal.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the portal's pages, in English; messages/msg_de.properties translates them. Templates use them as
 * {msg:key}; the language of a page is the guest's (Accept-Language), see {@link Languages}.
 */
@MessageBundle("msg")
public interface PortalMessages {

    @Message("en")
    String lang();

    @Message("Quota portal")
    String portalName();

    @Message("Skip to content")
    String skipToContent();

    @Message("Your account")
    String account();

    @Message("My tickets")
    String myTickets();

    @Message("Sign out")
    String signOut();

    @Message("You are acting as {name} <{email}> — signed in as {admin}")
    String actingAs(String name, String email, String admin);

    @Message("Stop acting")
    String stopActing();

    @Message("Your seats for each match. Claim the tickets you want, or send some to your guests.")
    String dashboardLead();

    @Message("Kick-off:")
    String kickoffAt();

    @Message("{count} {#if count == 1}ticket{#else}tickets{/if}")
    String quotaTitle(int count);

    @Message("free tickets")
    String freeTickets();

    @Message("{percent} % discount")
    String discount(int percent);

    @Message("Sent to you by {sender}")
    String receivedFrom(String sender);

    @Message("The club has cancelled these tickets.")
    String quotaCancelled();

    @Message("Your seats are being chosen; this takes a moment.")
    String quotaPending();

    @Message("{#if days == 0}Expires today{#else if days == 1}Expires tomorrow{#else}Expires in {days} days{/if}")
    String expiresIn(long days);

    @Message("Expired on {date} — a reminder only, you can still claim")
    String expiredOn(String date);

    @Message("Tickets by status")
    String ticketsByStatus();

    @Message("{#when status}{#is 'ALLOCATED'}○ Not claimed yet{#is 'RESERVED'}◐ Reserved{#is 'SOLD'}✓ Yours{#is 'CANCELLED'}✕ Cancelled{#else}{status}{/when}")
    String statusLabel(String status);

    @Message("Sector")
    String sector();

    @Message("Row")
    String row();

    @Message("Seat")
    String seat();

    @Message("Free")
    String free();

    @Message("held until {time} ({minutes} min left)")
    String heldUntil(String time, long minutes);

    @Message("For {name}")
    String forAttendee(String name);

    @Message("Claim tickets")
    String claimTickets();

    @Message("Send tickets to someone else")
    String sendToSomeoneElse();

    @Message("Passed on")
    String passedOn();

    @Message("{claimed} claimed, {unclaimed} not claimed yet")
    String subquotaProgress(int claimed, int unclaimed);

    @Message("Take back")
    String retract();

    @Message("No tickets for you yet. When the club sets seats aside for you, they appear here.")
    String noTicketsYet();

    @Message("Your tickets were sent to {name}. They get an email with their own link.")
    String doneSent(String name);

    @Message("{count} {#if count == 1}ticket is{#else}tickets are{/if} back with you from {name}.")
    String doneRetracted(int count, String name);

    @Message("You gave up the claim; the tickets are free to claim again.")
    String doneGivenUp();

    // --- claim

    @Message("Steps of your claim")
    String claimSteps();

    @Message("Select tickets")
    String stepSelect();

    @Message("Ticket info")
    String stepInfo();

    @Message("Payment")
    String stepPayment();

    @Message("Confirmation")
    String stepConfirm();

    @Message("Which tickets do you want?")
    String selectTitle();

    @Message("Choose from your {count} unclaimed {#if count == 1}ticket{#else}tickets{/if}")
    String selectLegend(int count);

    @Message("Select all")
    String selectAll();

    @Message("Continue")
    String continueToInfo();

    @Message("Claim all {count}")
    String claimAll(int count);

    @Message("Back to my tickets")
    String backToTickets();

    @Message("Please select at least one ticket.")
    String selectAtLeastOne();

    @Message("Some of these tickets were just taken, in another window or in the app. Here are your tickets as they are now.")
    String conflictTaken();

    @Message("Someone changed these tickets a moment ago, in another window or in the app. Here is how they stand now.")
    String conflictChanged();

    @Message("These tickets changed a moment ago, in another window or in the app. The list shows how they stand now.")
    String liveTicketsChanged();

    @Message("Tickets of this quota changed a moment ago, in another window or in the app. The tickets you chose are still held for you.")
    String liveClaimStillHeld();

    @Message("This claim ended meanwhile, in another window or in the app.")
    String liveClaimEnded();

    @Message("See where it stands")
    String liveSeeWhy();

    @Message("All your tickets are claimed or passed on.")
    String nothingToClaim();

    @Message("Who are the tickets for?")
    String infoTitle();

    @Message("Give the name and email of the person who will use each ticket. You may keep one ticket for yourself.")
    String infoLead();

    @Message("Your tickets are held for you until {time}.")
    String holdNotice(String time);

    @Message("{minutes} min left")
    String minutesLeft(long minutes);

    @Message("Ticket {number}: sector {sector}, row {row}, seat {seat}")
    String ticketLegend(int number, String sector, String row, String seat);

    @Message("This ticket is for me ({name})")
    String thisOneIsMine(String name);

    @Message("None of these tickets is for me")
    String noneIsMine();

    @Message("Name")
    String attendeeName();

    @Message("Email")
    String attendeeEmail();

    @Message("Please enter the name of the person using this ticket.")
    String nameProblem();

    @Message("Confirm my free tickets")
    String confirmFreeTickets();

    @Message("Continue to payment")
    String continueToPayment();

    @Message("Give up this claim")
    String giveUp();

    @Message("Pay for your tickets")
    String paymentTitle();

    @Message("Total:")
    String total();

    @Message("You will pay on our payment provider's page and come back here afterwards.")
    String paymentExplained();

    @Message("Pay {amount}")
    String payNow(String amount);

    @Message("Change ticket info")
    String backToInfo();

    @Message("We are waiting for the payment provider's answer. This page updates by itself.")
    String paymentWaiting();

    @Message("Continue paying")
    String continuePayment();

    @Message("The payment was declined. Nothing was charged; you can try again.")
    String paymentDeclined();

    @Message("The payment could not be started. Please look at your tickets and try again.")
    String paymentNotStarted();

    @Message("While you act as {name}, you cannot pay: only {name} can pay for these tickets. Everything else works.")
    String masqueradeCannotPay(String name);

    @Message("Your tickets are confirmed")
    String confirmedTitle();

    @Message("These tickets are free: no payment was needed.")
    String confirmedFree();

    @Message("You paid {amount}.")
    String confirmedPaid(String amount);

    @Message("Show each ticket's QR code at the gate. We have also sent them by email, to you and to each guest.")
    String confirmedMail();

    @Message("Reference")
    String reference();

    @Message("Your tickets are no longer held for you")
    String releasedTitle();

    @Message("{#when because}{#is 'HOLD_EXPIRED'}The time to complete your claim ran out, so the tickets were released.{#is 'ABANDONED'}You gave up this claim.{#is 'PAYMENT_FAILED'}The payment did not go through, so the tickets were released.{#is 'PAYMENT_TIMED_OUT'}The payment provider did not answer in time, so the tickets were released.{#is 'QUOTA_CANCELLED'}The club cancelled these tickets.{#else}The tickets were released.{/when}")
    String releasedBecause(String because);

    @Message("Nothing was charged. If the tickets are still free, you can start again with the same ones.")
    String releasedWhatNow();

    @Message("Start again")
    String startAgain();

    // --- sending tickets on

    @Message("Send tickets to someone else")
    String sendTitle();

    @Message("You have {count} unclaimed {#if count == 1}ticket{#else}tickets{/if}. The person you send them to gets an email with their own link and claims them themselves.")
    String sendLead(int count);

    @Message("Which tickets?")
    String whichTickets();

    @Message("A number of tickets, seated together")
    String byCount();

    @Message("How many")
    String howMany();

    @Message("These tickets")
    String byCards();

    @Message("Who gets them?")
    String whoGetsThem();

    @Message("Their name")
    String recipientName();

    @Message("Their email")
    String recipientEmail();

    @Message("A personal message (optional)")
    String personalMessage();

    @Message("Review before sending")
    String reviewBeforeSending();

    @Message("Cancel")
    String cancel();

    @Message("Please check before sending")
    String confirmSendTitle();

    @Message("You are sending {count} {#if count == 1}ticket{#else}tickets{/if} to {name} <{email}>:")
    String confirmSendLead(int count, String name, String email);

    @Message("{name} gets an email with a link to claim them. As long as {name} has not claimed a ticket, you can take it back.")
    String confirmSendExplained(String name);

    @Message("Send {count} {#if count == 1}ticket{#else}tickets{/if}")
    String sendNow(int count);

    @Message("Change")
    String change();

    @Message("Take tickets back from {name}")
    String retractTitle(String name);

    @Message("{count} unclaimed {#if count == 1}ticket comes{#else}tickets come{/if} back to you.")
    String retractComeBack(int count);

    @Message("{count} {#if count == 1}ticket{#else}tickets{/if} that {name} has already claimed or is claiming {#if count == 1}stays{#else}stay{/if} with {name}.")
    String retractStay(int count, String name);

    @Message("{name} gets an email saying so.")
    String retractTold(String name);

    @Message("Take back {count} {#if count == 1}ticket{#else}tickets{/if}")
    String retractNow(int count);

    // --- links and errors

    @Message("Your link")
    String yourLink();

    @Message("This link does not work (any more)")
    String linkDeadTitle();

    @Message("The link may be incomplete, or the club has sent you a newer one. Please use the link from the club's most recent email.")
    String linkDeadText();

    @Message("Something on our side does not answer at the moment. Please open the link from your email again in a minute.")
    String linkTryLater();

    @Message("Questions? Write to the club's ticket office: {email}")
    String contactClub(String email);

    @Message("reference: {id}")
    String errorReference(String id);

    @Message("This form has expired")
    String formExpiredTitle();

    @Message("It was not sent: it came without the security code of its page. Go back, reload the page and send it again.")
    String formExpiredText();

    @Message("This form could not be read")
    String formUnreadableTitle();

    @Message("Its data is not encoded the way a browser encodes a form (a % sign that escapes nothing), so nothing was done. Go back, reload the page and fill it in again.")
    String formUnreadableText();

    @Message("Back to the start page")
    String backToStart();

    @Message("We cannot show this right now")
    String unavailableTitle();

    @Message("Something on our side does not answer at the moment. Nothing was changed. Please try again in a minute.")
    String unavailableText();

    @Message("Try again")
    String tryAgain();

    @Message("Not found")
    String notFoundTitle();

    @Message("This page does not exist, or it is not yours to see.")
    String notFoundText();

    @Message("Not allowed")
    String forbiddenTitle();

    @Message("You may not do this. If you think you should, please sign in again or ask the club.")
    String forbiddenText();

    // --- admin: navigation and quotas list

    @Message("Overview")
    String adminHome();

    @Message("Quotas")
    String adminQuotas();

    @Message("New quota")
    String adminNewQuota();

    @Message("Signed in as {name} ({username})")
    String signedInAs(String name, String username);

    @Message("All quotas: search, filter, sort")
    String allQuotas();

    @Message("Filter quotas")
    String filterQuotas();

    @Message("Match")
    String filterMatch();

    @Message("Holder (name or email)")
    String filterHolder();

    @Message("State")
    String filterState();

    @Message("Sector")
    String filterSector();

    @Message("Expiring within (days)")
    String filterExpiring();

    @Message("Any")
    String filterAny();

    @Message("Show")
    String filterApply();

    @Message("Clear filters")
    String filterClear();

    @Message("{#when state}{#is 'PENDING_ALLOCATION'}⧗ Allocating{#is 'ALLOCATED'}● Allocated{#is 'PARTIALLY_ALLOCATED'}◑ Partly allocated{#is 'ALLOCATION_FAILED'}✕ Allocation failed{#is 'CANCELLED'}⊘ Cancelled{#else}{state}{/when}")
    String quotaState(String state);

    /** A ticket's status in the admins' words (the holder pages say "Yours" where admins read "Sold"). */
    @Message("{#when status}{#is 'ALLOCATED'}○ Available{#is 'RESERVED'}◐ Reserved{#is 'SOLD'}✓ Sold{#is 'CANCELLED'}✕ Cancelled{#else}{status}{/when}")
    String ticketStatus(String status);

    @Message("{#if total == 0}No quotas found.{#else if total == 1}1 quota found.{#else}{total} quotas found, showing {from}–{to}.{/if}")
    String quotasFound(long total, int from, int to);

    @Message("Holder")
    String colHolder();

    @Message("Match")
    String colMatch();

    @Message("Seats")
    String colSeats();

    @Message("State")
    String colState();

    @Message("Expires")
    String colExpires();

    @Message("Algorithm")
    String colAlgorithm();

    @Message("passed on")
    String subquotaTag();

    @Message("{count} unfulfilled")
    String unfulfilledShort(int count);

    @Message("No quota matches these filters.")
    String noQuotasForFilter();

    @Message("No quotas yet.")
    String noQuotasYet();

    @Message("Total on this page")
    String totalOnPage();

    @Message("Pages")
    String pages();

    @Message("Previous")
    String previousPage();

    @Message("Next")
    String nextPage();

    @Message("Page {page} of {pages}")
    String pageOf(int page, int pages);

    // --- admin: one quota

    @Message("Sectors, in order of preference")
    String sectorsInOrder();

    @Message("Discount")
    String discountLabel();

    @Message("Random seed")
    String seedLabel();

    @Message("Seating")
    String seatingLabel();

    @Message("seated together: {#if together}yes{#else}no{/if}, {rows} {#if rows == 1}row{#else}rows{/if}, {orphans} orphan {#if orphans == 1}seat{#else}seats{/if}")
    String seatQualityLine(boolean together, int rows, int orphans);

    @Message("Permissions and options")
    String flagsLabel();

    @Message("may pass tickets on")
    String flagDelegate();

    @Message("transferable")
    String flagTransferable();

    @Message("partial allocation allowed")
    String flagAllowPartial();

    @Message("accessible seats allowed")
    String flagAccessible();

    @Message("Quota group")
    String groupLabel();

    @Message("Created")
    String createdLabel();

    @Message("Actions")
    String actions();

    @Message("Re-send invitation")
    String resendInvitation();

    @Message("Revoke link")
    String revokeLink();

    @Message("The holder's current link stops working at once. Nothing else changes; re-send the invitation to give them a new one.")
    String revokeEffect();

    @Message("Cancel quota…")
    String cancelQuota();

    @Message("Opens a dialog that shows exactly what each kind of cancellation would do, before anything happens.")
    String cancelLead();

    @Message("Act as this holder")
    String actAsThisHolder();

    @Message("Opens the holder's portal as them. Everything you do is recorded under your name and theirs; payments are not possible.")
    String masqueradeEffect();

    @Message("Category")
    String categoryLabel();

    @Message("Price")
    String priceLabel();

    @Message("Attendee")
    String attendeeLabel();

    @Message("No seats are held for this quota.")
    String noTicketsHeld();

    @Message("Audit trail")
    String auditTrail();

    @Message("When")
    String auditWhen();

    @Message("Who")
    String auditWho();

    @Message("On behalf of")
    String auditOnBehalfOf();

    @Message("What")
    String auditWhat();

    @Message("Details")
    String auditDetails();

    @Message("The link was revoked: it no longer works.")
    String invitationRevoked();

    @Message("A new link goes to {email} by mail; the previous link stops working.")
    String resendEffect(String email);

    @Message("A new invitation was sent to {email}; the previous link no longer works.")
    String invitationResent(String email);

    @Message("{count} {#if count == 1}ticket{#else}tickets{/if}")
    String ticketsTitle(int count);

    // --- admin: cancellation dialog

    @Message("Cancel only this match's quota instead")
    String cancelOnlyThisQuota();

    @Message("Cancel the whole group (every match) instead")
    String cancelWholeGroup();

    @Message("This quota is cancelled already.")
    String alreadyCancelled();

    @Message("Choose one of two ways. Subquotas are cancelled with the quota; cancelled seats go back on sale at once. Nothing happens until you confirm.")
    String cancelChoose();

    @Message("What this would do now")
    String cancelEffectTitle();

    @Message("The effect cannot be shown right now (quota-service does not offer its dry run yet, or does not answer). The explanation above still holds.")
    String effectUnavailable();

    @Message("Keep the quota")
    String keepQuota();

    @Message("Quota cancelled")
    String cancelDoneTitle();

    @Message("Done:")
    String cancelDone();

    @Message("Back to the quota")
    String backToQuota();

    @Message("Unfulfilled rest")
    String effectUnfulfilled();

    @Message("Sold, stay valid")
    String effectSoldKept();

    @Message("Seats released")
    String effectSeatsReleased();

    @Message("Refunds")
    String effectRefunds();

    @Message("People told")
    String effectTold();

    @Message("Cancel the quota of {name}")
    String cancelTitle(String name);

    @Message("Cancel the quota group of {name}")
    String cancelGroupTitle(String name);

    @Message("{#when scope}{#is 'UNFULFILLED_ONLY'}Unfulfilled only{#is 'ALL_UNUSED'}All unused{#else}{scope}{/when}")
    String scopeName(String scope);

    @Message("{#when scope}{#is 'UNFULFILLED_ONLY'}Cancels every ticket that is not sold (not claimed yet, or reserved in an open claim) and the unfulfilled rest. Sold tickets stay valid; nobody gets a refund.{#is 'ALL_UNUSED'}Also cancels sold tickets of matches that have not started: paid ones are refunded, and every attendee affected is told.{#else}{/when}")
    String scopeExplained(String scope);

    @Message("{#when scope}{#is 'UNFULFILLED_ONLY'}Cancel unfulfilled only{#is 'ALL_UNUSED'}Cancel all unused{#else}Cancel{/when}")
    String confirmScope(String scope);

    @Message("{count} {#if count == 1}refund{#else}refunds{/if}, {amount} in all")
    String effectRefundLine(int count, String amount);

    // --- admin: sponsor tracking

    @Message("Sponsor tracking")
    String adminTracking();

    @Message("For each quota and guest of this match: did the invitation arrive, was its link opened, and what became of the tickets.")
    String trackingLead();

    @Message("{lines} {#if lines == 1}quota or guest{#else}quotas and guests{/if}: {invited} invited, {opened} opened their link, {neverOpened} never opened it, {failed} {#if failed == 1}invitation mail{#else}invitation mails{/if} failed.")
    String trackingSummary(int lines, int invited, int opened, int neverOpened, int failed);

    @Message("Everyone ({count})")
    String showAllLines(int count);

    @Message("Invited but never opened ({count})")
    String showNeverOpened(int count);

    @Message("Download the never-opened list (CSV)")
    String downloadNeverOpened();

    @Message("Invitation mail")
    String colInvitationMail();

    @Message("Link")
    String colLink();

    @Message("Not claimed")
    String colNotClaimed();

    @Message("Claimed")
    String colClaimed();

    @Message("Paid")
    String colPaid();

    @Message("{#when state}{#is 'SENT'}✓ Sent{#is 'FAILED'}✕ Failed (bounced){#is 'RETRYING'}↻ Retrying{#is 'SENDING'}⧗ Sending{#is 'NONE'}— Not sent yet{#is 'UNKNOWN'}? Cannot be shown{#else}{state}{/when}")
    String deliveryState(String state);

    @Message("{count} {#if count == 1}re-send{#else}re-sends{/if}")
    String resends(int count);

    @Message("{count} {#if count == 1}attempt{#else}attempts{/if} so far")
    String attemptsSoFar(int count);

    @Message("{#when state}{#is 'OPENED'}✓ Opened{#is 'NOT_OPENED'}○ Not opened yet{#is 'REVOKED'}⊘ Revoked{#is 'NOT_SENT'}— No link yet{#else}{state}{/when}")
    String linkState(String state);

    @Message("passed on by {name}")
    String passedOnBy(String name);

    @Message("Whether the invitation mails arrived cannot be shown right now (notification-adapter does not answer). Everything else is current.")
    String deliveriesUnknown();

    @Message("No quotas for this match yet.")
    String noTrackingLines();

    @Message("Everyone invited has opened their link.")
    String nobodyNeverOpened();

    @Message("Act as {name}")
    String actAsNamed(String name);

    // --- admin: new quota

    @Message("Hand a block of seats to a VIP, sponsor or partner. Several matches make a group: the same seats at each match.")
    String newQuotaLead();

    @Message("Holder")
    String holderLegend();

    @Message("Holder's name")
    String holderNameLabel();

    @Message("Holder's email (the invitation goes there)")
    String holderEmailLabel();

    @Message("Match or matches")
    String matchesLegend();

    @Message("Choose one match, or several for a group with the same seats at each.")
    String matchesHint();

    @Message("The matches cannot be shown right now (allocation-service does not answer).")
    String matchesUnavailable();

    @Message("Seats")
    String seatsLegend();

    @Message("Sector codes separated by commas, best first, e.g. W3, W2.")
    String sectorsHint();

    @Message("Choose a match to see its sectors and their free seats.")
    String chooseMatchFirst();

    @Message("Free seats cannot be shown right now (allocation-service does not answer).")
    String availabilityUnavailable();

    @Message("Free seats now; for several matches, the fewest free at any of them")
    String freeInChosenMatches();

    @Message("Free")
    String freeLabel();

    @Message("Wheelchair places free")
    String accessibleFreeLabel();

    @Message("Number of seats")
    String quantityLabel();

    @Message("Discount %")
    String discountPercentLabel();

    @Message("Reminder date")
    String expiresOnLabel();

    @Message("Shown as a reminder only; it changes nothing by itself.")
    String expiresOnHint();

    @Message("{#when algorithm}{#is 'NM'}neighbouring seats: the group sits together, in one row where possible, leaving no single seat stranded.{#is 'REDOM'}random spread: seats drawn at random across the sectors, in proportion to their free seats.{#else}{/when}")
    String algorithmExplained(String algorithm);

    @Message("Create the quota")
    String createQuota();

    // --- admin: CSV import wizard (its own texts: importing.ImportMessages)

    @Message("Imports")
    String adminImports();

    // --- admin: seat maps and a match's availability

    @Message("{#when state}{#is 'FREE'}free{#is 'HELD'}held{#is 'SOLD'}sold{#else}{state}{/when}")
    String seatStateWord(String state);

    @Message("Row {row}, seat {seat} — {#when state}{#is 'FREE'}free{#is 'HELD'}held{#is 'SOLD'}sold{#else}{state}{/when}{#if accessible}, wheelchair place{/if}{#if restricted}, restricted view{/if}{#if mine}, this quota's seat{/if}")
    String seatTitle(String row, String seat, String state, boolean accessible, boolean restricted, boolean mine);

    @Message("Legend of the seat maps")
    String seatLegend();

    @Message("this quota's seat (ringed)")
    String seatMine();

    @Message("wheelchair place (square)")
    String seatAccessible();

    @Message("restricted view (dashed)")
    String seatRestricted();

    @Message("Seat maps")
    String seatMapsTitle();

    @Message("{count} of this quota's seats ringed")
    String seatsRinged(int count);

    @Message("open the sector")
    String openSector();

    @Message("The seat map cannot be shown right now (allocation-service does not answer).")
    String seatMapUnavailable();

    @Message("Seats per sector")
    String seatAvailability();

    @Message("Free, held, sold")
    String seatShares();

    @Message("{seats} seats: {free} free, {held} held, {sold} sold.")
    String matchTotals(int seats, int free, int held, int sold);

    @Message("{free} free, {held} held, {sold} sold")
    String barLabel(int free, int held, int sold);

    @Message("{#if count == 0}no wheelchair place free{#else if count == 1}1 wheelchair place free{#else}{count} wheelchair places free{/if}")
    String accessibleFreeText(int count);

    @Message("This match's quotas")
    String quotasOfMatch();
}
