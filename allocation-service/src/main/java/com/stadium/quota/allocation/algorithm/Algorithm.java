package com.stadium.quota.allocation.algorithm;

/** The two ways of choosing seats (DESIGN.md, "Seat allocation"). */
public enum Algorithm {
    /** Neighbouring seats: the group sits together. */
    NM,
    /** Random even distribution over the chosen sectors. */
    REDOM
}
