/**
 * The seat allocation algorithms of DESIGN.md ("Seat allocation"): NM (neighbouring seats) and REDOM (random
 * even distribution), over an immutable seating plan and a set of occupied seats. Plain Java, no framework.
 */
package com.stadium.quota.allocation.algorithm;
