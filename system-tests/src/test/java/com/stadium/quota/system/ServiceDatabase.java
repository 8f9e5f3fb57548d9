package com.stadium.quota.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads a service's own database on the test stack (read only, as an auditor would), to count what a drill left
 * behind: seats held, tickets sold, mails recorded.
 */
enum ServiceDatabase {
    QUOTA("quota_service"), ALLOCATION("allocation_service"), NOTIFICATION("notification_adapter");

    private final String name;

    ServiceDatabase(String name) {
        this.name = name;
    }

    /** The rows of a query, each as column → value; {@code ?} parameters may be lists (of ids: uuid[], else text[]). */
    List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:25432/" + name, name,
                "local-demo"); PreparedStatement statement = connection.prepareStatement(sql)) {
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

    /** The single number a counting query answers. */
    long count(String sql, Object... parameters) {
        return ((Number) rows(sql, parameters).get(0).values().iterator().next()).longValue();
    }
}
