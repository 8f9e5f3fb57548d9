package com.stadium.quota.allocation.venue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Stores a venue layout in one transaction; seats go in JDBC batches, as a stadium has tens of thousands. */
@ApplicationScoped
public class VenueStore {

    private static final int BATCH = 1_000;

    @Inject
    DataSource dataSource;

    /** Returns the new venue's id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long create(VenueLayout layout) {
        try (Connection db = dataSource.getConnection()) {
            long venueId = insertReturningId(db, "insert into venue (code, name) values (?, ?)",
                    layout.code(), layout.name());
            store(db, venueId, layout);
            return venueId;
        } catch (SQLException e) {
            throw new IllegalStateException("venue " + layout.code() + " could not be stored: " + e.getMessage(), e);
        }
    }

    /**
     * Stores the venue unless one with its code exists or is being stored by another transaction (which this one
     * then waits for, through the code's unique key); returns the new venue's id, or empty when the other one has it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public OptionalLong createIfAbsent(VenueLayout layout) {
        try (Connection db = dataSource.getConnection();
                PreparedStatement insert = db.prepareStatement(
                        "insert into venue (code, name) values (?, ?) on conflict (code) do nothing returning id")) {
            insert.setString(1, layout.code());
            insert.setString(2, layout.name());
            try (ResultSet inserted = insert.executeQuery()) {
                if (!inserted.next()) {
                    return OptionalLong.empty();
                }
                long venueId = inserted.getLong(1);
                store(db, venueId, layout);
                return OptionalLong.of(venueId);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("venue " + layout.code() + " could not be stored: " + e.getMessage(), e);
        }
    }

    private static void store(Connection db, long venueId, VenueLayout layout) throws SQLException {
        int position = 0;
        for (VenueLayout.Sector sector : layout.sectors()) {
            long sectorId = insertReturningId(db,
                    "insert into sector (venue_id, code, name, category, position) values (?, ?, ?, ?, ?)",
                    venueId, sector.code(), sector.name(), sector.category(), position++);
            insertSeats(db, sectorId, sector);
        }
    }

    private static void insertSeats(Connection db, long sectorId, VenueLayout.Sector sector) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("""
                insert into seat (sector_id, row_number, row_label, seat_number, seat_label, block, accessible,
                                  companion, restricted_view, quality, x, y)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            int pending = 0;
            for (VenueLayout.Seat seat : sector.seats()) {
                insert.setLong(1, sectorId);
                insert.setInt(2, seat.row());
                insert.setString(3, seat.rowLabel());
                insert.setInt(4, seat.number());
                insert.setString(5, seat.label());
                insert.setInt(6, seat.block());
                insert.setBoolean(7, seat.accessible());
                insert.setBoolean(8, seat.companion());
                insert.setBoolean(9, seat.restrictedView());
                insert.setInt(10, seat.quality());
                insert.setDouble(11, seat.x());
                insert.setDouble(12, seat.y());
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    private static long insertReturningId(Connection db, String sql, Object... values) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < values.length; i++) {
                insert.setObject(i + 1, values[i]);
            }
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong("id");
            }
        }
    }
}
