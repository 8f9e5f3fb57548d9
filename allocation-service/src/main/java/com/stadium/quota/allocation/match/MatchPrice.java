package com.stadium.quota.allocation.match;

import java.io.Serializable;
import java.util.Objects;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The full price of a seat of one category at one match, in cents. */
@Entity
@Table(name = "match_price")
@IdClass(MatchPrice.Key.class)
public class MatchPrice extends PanacheEntityBase {

    @Id
    @Column(name = "match_id")
    public long matchId;

    @Id
    public String category;

    @Column(name = "price_cents", nullable = false)
    public int priceCents;

    /** The composite key, as JPA wants it: a class with the id fields' names. */
    public static class Key implements Serializable {
        public long matchId;
        public String category;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.matchId == matchId && Objects.equals(key.category, category);
        }

        @Override
        public int hashCode() {
            return Objects.hash(matchId, category);
        }
    }
}
