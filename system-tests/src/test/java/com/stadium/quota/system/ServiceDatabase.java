package com.stadium.quota.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads a service's own database on the test stack (as an auditor would), to count what a drill left behind: seats
 * held, tickets sold, mails recorded. The one write: a claim's hold brought forward ({@link #lapseHolds}).
 */
enum ServiceDatabase {
    QUOTA("quota_service"), ALLOCATION("allocation_service"), NOTIFICATION("notification_adapter");

    private final String name;

    ServiceDatabase(String name) {
        this.name = name;
    }

    /** The rows of a query, each as column → value; {@code ?} parameters may be lists (of ids: uuid[], else text[]). */
    List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, parameters)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    for (int c = 1; c <= columns; c++) {
                        row.put(result.getMetaData().getColumnLabel(c), result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
    }

    /** An update statement; the rows changed. */
    int update(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:25432/" + name, name, "local-demo");
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] instanceof List<?> list) {
                boolean ids = list.stream().allMatch(o -> o.toString().matches("[0-9a-f-]{36}"));
                statement.setArray(i + 1, ids ? connection.createArrayOf("uuid", list.stream()
                        .map(o -> UUID.fromString(o.toString())).toArray())
                        : connection.createArrayOf("text", list.toArray()));
            } else {
                statement.setObject(i + 1, parameters[i]);
            }
        }
        return statement;
    }

    /** Lets the open claims of these quotas lapse in a few seconds instead of the suite's 30 s hold. */
    static int lapseHolds(List<String> quotas, Duration in) {
        return QUOTA.update("""
                update claim set hold_expires_at = least(hold_expires_at, now() + make_interval(secs => ?)),
                 version = version + 1 where quota_id = any(?) and step in ('SELECTED', 'ATTENDEES_GIVEN')""",
                in.toMillis() / 1000.0, quotas);
    }

    /**
     * Where a quota's allocation is on its way (quota state, each service's outbox rows that name it and when they were
     * sent, the seats held), for a failing wait to say which hop it stopped at.
     */
    static String allocationTrail(String quotaId) {
        String like = "%" + quotaId + "%";
        String outbox = "select event_type, event_id, created_at, published_at from outbox_message"
                + " where envelope like ? order by id";
        List<Map<String, Object>> answers = ALLOCATION.rows(outbox, like);
        List<Object> answerIds = answers.stream().map(row -> row.get("event_id")).toList();
        return "quota " + quotaId + " at " + QUOTA.rows("select now()").get(0).values() + ": state "
                + QUOTA.rows("select state, version from quota where id = ?::uuid", quotaId)
                + "; quota-service outbox " + QUOTA.rows(outbox, like)
                + "; allocation-service outbox " + answers
                + "; seats held " + ALLOCATION.count("select count(*) from seat_hold where quota_id = ?::uuid", quotaId)
                + "; answers taken in by quota-service " + (answerIds.isEmpty() ? "[]"
                        : QUOTA.rows("select consumer, processed_at from processed_message where event_id = any(?)",
                                answerIds.stream().map(Object::toString).toList()));
    }

    /**
     * What allocation-service holds for quotas of {@code each} seats: seats in all, quotas holding more or from more
     * than one request (held twice), quotas not holding exactly {@code each} (lost).
     */
    record Holds(long seats, long heldTwice, long lost) {
    }

    static Holds holds(List<String> quotas, int each) {
        List<Map<String, Object>> rows = ALLOCATION.rows("""
                select quota_id, count(*) seats, count(distinct request_id) requests from seat_hold
                 where quota_id = any(?) group by quota_id""", quotas);
        long seats = rows.stream().mapToLong(r -> ((Number) r.get("seats")).longValue()).sum();
        long heldTwice = rows.stream().filter(r -> ((Number) r.get("seats")).longValue() > each
                || ((Number) r.get("requests")).longValue() > 1).count();
        long lost = quotas.size() - rows.stream().filter(r -> ((Number) r.get("seats")).longValue() == each).count();
        return new Holds(seats, heldTwice, lost);
    }

    /** Tickets of these quotas whose seat allocation-service does not hold for the same quota (or the reverse). */
    static long ticketsDisagreeingWithHolds(List<String> quotas) {
        Set<String> tickets = QUOTA.rows("""
                select quota_id, match_id, seat_id from ticket where quota_id = any(?) and status <> 'CANCELLED'""",
                quotas).stream().map(r -> r.get("quota_id") + "/" + r.get("match_id") + "/" + r.get("seat_id"))
                .collect(Collectors.toSet());
        Set<String> holds = ALLOCATION.rows("select quota_id, match_id, seat_id from seat_hold where"
                + " quota_id = any(?)", quotas).stream()
                .map(r -> r.get("quota_id") + "/" + r.get("match_id") + "/" + r.get("seat_id"))
                .collect(Collectors.toSet());
        return tickets.stream().filter(t -> !holds.contains(t)).count()
                + holds.stream().filter(h -> !tickets.contains(h)).count();
    }

    /** The single number a counting query answers. */
    long count(String sql, Object... parameters) {
        return ((Number) rows(sql, parameters).get(0).values().iterator().next()).longValue();
    }
}
