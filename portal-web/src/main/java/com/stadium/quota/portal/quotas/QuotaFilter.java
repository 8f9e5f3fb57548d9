package com.stadium.quota.portal.quotas;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import com.stadium.quota.portal.web.Forms;

/**
 * What the quotas list shows, as it stands in the page's address (bookmarkable): the filters, the sort and the page.
 * Read from whatever the address holds: a value that makes no sense is dropped, never an error page.
 *
 * @param match a match id
 * @param holder part of the holder's name or email
 * @param state a quota state
 * @param sector a sector code the quota asks for
 * @param expiring expiring within this many days (from today, in the club's time zone)
 * @param sort the column quota-service sorts by
 * @param direction asc or desc
 * @param page the page, from 0
 */
public record QuotaFilter(Long match, String holder, String state, String sector, Integer expiring, String sort,
        String direction, int page) {

    public static final int PAGE_SIZE = 20;
    public static final List<String> STATES = List.of("PENDING_ALLOCATION", "ALLOCATED", "PARTIALLY_ALLOCATED",
            "ALLOCATION_FAILED", "CANCELLED");
    /** The columns quota-service can sort by. */
    public static final List<String> SORTS = List.of("createdAt", "expiresOn", "holderName", "holderEmail",
            "quantity", "matchId", "state");
    static final String DEFAULT_SORT = "createdAt";
    static final String DEFAULT_DIRECTION = "desc";

    /** The filter of an address's query parameters, each as typed (or tampered with). */
    public static QuotaFilter of(String match, String holder, String state, String sector, String expiring,
            String sort, String direction, String page) {
        String upperState = Forms.trim(state).toUpperCase(Locale.ROOT);
        String cleanSort = SORTS.contains(Forms.trim(sort)) ? sort.trim() : DEFAULT_SORT;
        String cleanDirection = "asc".equalsIgnoreCase(Forms.trim(direction)) ? "asc" : DEFAULT_DIRECTION;
        Integer days = number(expiring);
        Integer pageNumber = number(page);
        Long matchId = id(match);
        return new QuotaFilter(matchId, blankToNull(holder), STATES.contains(upperState) ? upperState : null,
                blankToNull(sector) == null ? null : sector.trim().toUpperCase(Locale.ROOT),
                days == null ? null : Math.min(days, 3650), cleanSort, cleanDirection,
                pageNumber == null ? 0 : Math.min(pageNumber, 100_000));
    }

    public static QuotaFilter none() {
        return of(null, null, null, null, null, null, null, null);
    }

    /** The query string of this filter, without the parts at their defaults; "" when nothing is set. */
    public String query() {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("match", match);
        parts.put("holder", holder);
        parts.put("state", state);
        parts.put("sector", sector);
        parts.put("expiring", expiring);
        if (!DEFAULT_SORT.equals(sort) || !DEFAULT_DIRECTION.equals(direction)) {
            parts.put("sort", sort);
            parts.put("dir", direction);
        }
        if (page > 0) {
            parts.put("page", page);
        }
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        parts.forEach((name, value) -> {
            if (value != null) {
                query.add(name + "=" + Forms.query(value.toString()));
            }
        });
        return query.toString();
    }

    /** The address of this filter's list. */
    public String url() {
        return "/admin/quotas" + query();
    }

    /** The same filter at another page. */
    public QuotaFilter atPage(int other) {
        return new QuotaFilter(match, holder, state, sector, expiring, sort, direction, Math.max(0, other));
    }

    /** Sorted by a column: the other direction when it is sorted by it already, else ascending; back to page 0. */
    public QuotaFilter sortedBy(String column) {
        String newDirection = column.equals(sort) && "asc".equals(direction) ? "desc" : "asc";
        return new QuotaFilter(match, holder, state, sector, expiring, column, newDirection, 0);
    }

    /** "ascending"/"descending"/"none" for a column header's aria-sort. */
    public String ariaSort(String column) {
        if (!column.equals(sort)) {
            return "none";
        }
        return "asc".equals(direction) ? "ascending" : "descending";
    }

    /** Every state, for the filter's choice. */
    public List<String> states() {
        return STATES;
    }

    public boolean any() {
        return match != null || holder != null || state != null || sector != null || expiring != null;
    }

    /** A whole number of at most int size (days, pages), or none. */
    private static Integer number(String value) {
        Long n = id(value);
        return n == null || n > Integer.MAX_VALUE ? null : n.intValue();
    }

    /** A non-negative whole number as typed, or none. */
    private static Long id(String value) {
        try {
            long n = Long.parseLong(Forms.trim(value));
            return n < 0 ? null : n;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static String blankToNull(String value) {
        String trimmed = Forms.trim(value);
        return trimmed.isEmpty() ? null : trimmed.length() > 200 ? trimmed.substring(0, 200) : trimmed;
    }
}
