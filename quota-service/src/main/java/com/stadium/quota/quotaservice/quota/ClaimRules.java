package com.stadium.quota.quotaservice.quota;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.stadium.quota.web.Violation;

/** The claim's rules (DESIGN.md, "Ticket status" and "Masquerade"), without the database. */
public final class ClaimRules {

    /** How every "step out of order" refusal begins; {@link #isOutOfOrder} tells them from refused input. */
    private static final String OUT_OF_ORDER = "the claim is ";

    private ClaimRules() {
    }

    /** A ticket as the rules see it. */
    public record TicketView(UUID id, TicketStatus status) {
    }

    /** Who sits on one ticket. */
    public record Attendee(UUID ticketId, String name, String email) {
    }

    /** Step 1: only ALLOCATED tickets of the claimant can be selected, at least one, each once. */
    public static List<Violation> select(List<UUID> wanted, List<TicketView> owned) {
        List<Violation> violations = new ArrayList<>();
        if (wanted == null || wanted.isEmpty()) {
            violations.add(Violation.of("ticketIds", "select at least one ticket"));
            return violations;
        }
        Set<UUID> seen = new HashSet<>();
        for (UUID id : wanted) {
            if (id == null) {
                violations.add(Violation.of("ticketIds", "a ticket id is missing"));
                continue;
            }
            TicketView ticket = owned.stream().filter(t -> t.id().equals(id)).findFirst().orElse(null);
            if (!seen.add(id)) {
                violations.add(new Violation("ticketIds", "ticket is selected twice", null, String.valueOf(id)));
            } else if (ticket == null) {
                violations.add(new Violation("ticketIds", "not a ticket of this quota", null, String.valueOf(id)));
            } else if (ticket.status() != TicketStatus.ALLOCATED) {
                violations.add(new Violation("ticketIds", "ticket is " + ticket.status() + ", not available",
                        null, id.toString()));
            }
        }
        return violations;
    }

    /** When a hold made at {@code selectedAt} lapses. */
    public static Instant holdExpiry(Instant selectedAt, Duration hold) {
        return selectedAt.plus(hold);
    }

    /**
     * Step 2: one attendee per selected ticket, with a name and an email; the claimant may take one ticket
     * themself, the others are for other people.
     */
    public static List<Violation> attendees(ClaimStep step, List<UUID> selected, List<Attendee> attendees,
            String claimantEmail) {
        // attendees may be corrected until the payment starts
        ClaimStep asSelected = step == ClaimStep.ATTENDEES_GIVEN ? ClaimStep.SELECTED : step;
        List<Violation> violations = new ArrayList<>(order(asSelected, ClaimStep.SELECTED, "attendees"));
        if (!violations.isEmpty()) {
            return violations;
        }
        List<Attendee> given = attendees == null ? List.of() : attendees;
        Set<UUID> covered = new HashSet<>();
        int claimantSeats = 0;
        for (int i = 0; i < given.size(); i++) {
            Attendee attendee = given.get(i);
            String at = "attendees[" + i + "]";
            if (attendee == null) {
                violations.add(Violation.of(at, "is empty"));
                continue;
            }
            if (attendee.ticketId() == null || !selected.contains(attendee.ticketId())) {
                violations.add(new Violation(at + ".ticketId", "not one of the selected tickets", null,
                        String.valueOf(attendee.ticketId())));
                continue;
            }
            if (!covered.add(attendee.ticketId())) {
                violations.add(new Violation(at + ".ticketId", "this ticket already has an attendee", null,
                        attendee.ticketId().toString()));
            }
            if (attendee.name() == null || attendee.name().isBlank() || attendee.name().length() > 200) {
                violations.add(Violation.of(at + ".name", "is required, at most 200 characters"));
            }
            String email = QuotaRules.normalEmail(attendee.email());
            if (email == null || !QuotaRules.isEmail(email)) {
                violations.add(new Violation(at + ".email", "is not an email address", null, attendee.email()));
            } else if (email.equals(QuotaRules.normalEmail(claimantEmail)) && ++claimantSeats > 1) {
                violations.add(new Violation(at + ".email", "you may take one ticket yourself; the others are for "
                        + "your guests", null, attendee.email()));
            }
        }
        for (UUID ticket : selected) {
            if (!covered.contains(ticket)) {
                violations.add(new Violation("attendees", "ticket has no attendee", null, ticket.toString()));
            }
        }
        return violations;
    }

    /** After step 2: on to the payment, or confirmed straight away when the tickets cost nothing. */
    public static ClaimStep afterAttendees(int discountPercent, int amountCents) {
        return discountPercent >= 100 || amountCents == 0 ? ClaimStep.COMPLETED : ClaimStep.ATTENDEES_GIVEN;
    }

    /** A step that needs another one first: the claim's state, not the input, is in the way. */
    public static boolean isOutOfOrder(List<Violation> violations) {
        return violations.stream().anyMatch(v -> v.message().startsWith(OUT_OF_ORDER));
    }

    /**
     * Step 3 may be started only after step 2, and never by an admin acting as the holder, whatever the step: that
     * refusal is the only one they get.
     */
    public static List<Violation> pay(ClaimStep step, boolean masquerading) {
        if (masquerading) {
            return List.of(Violation.of("payment", "an admin acting as the holder cannot complete a payment"));
        }
        return order(step, ClaimStep.ATTENDEES_GIVEN, "payment");
    }

    /** What the payment service's answer does to a pending claim; a repeated answer changes nothing. */
    public static ClaimStep paymentResult(ClaimStep step, boolean paid) {
        if (step != ClaimStep.PAYMENT_PENDING) {
            return step;
        }
        return paid ? ClaimStep.COMPLETED : ClaimStep.RELEASED;
    }

    /** A claim that still holds its tickets: before the payment's answer (or the free confirmation). */
    public static boolean isOpen(ClaimStep step) {
        return step == ClaimStep.SELECTED || step == ClaimStep.ATTENDEES_GIVEN || step == ClaimStep.PAYMENT_PENDING;
    }

    /** A hold that lapsed releases the claim unless it was completed or is waiting for the payment's answer. */
    public static boolean releasedByExpiry(ClaimStep step, Instant expiresAt, Instant now) {
        return (step == ClaimStep.SELECTED || step == ClaimStep.ATTENDEES_GIVEN) && !now.isBefore(expiresAt);
    }

    /**
     * Until when a ticket's hold runs, as its card shows it: only while the ticket is RESERVED in a claim that has
     * not reached the payment (a pending payment waits for the provider's answer, not for the hold); otherwise null.
     */
    public static Instant holdShown(TicketStatus status, ClaimStep step, Instant holdExpiresAt) {
        boolean holding = status == TicketStatus.RESERVED
                && (step == ClaimStep.SELECTED || step == ClaimStep.ATTENDEES_GIVEN);
        return holding ? holdExpiresAt : null;
    }

    private static List<Violation> order(ClaimStep step, ClaimStep expected, String field) {
        if (step == expected) {
            return List.of();
        }
        return List.of(new Violation(field, OUT_OF_ORDER + step.name().toLowerCase(Locale.ROOT)
                + "; this step needs it " + expected.name().toLowerCase(Locale.ROOT), null, step.name()));
    }
}
