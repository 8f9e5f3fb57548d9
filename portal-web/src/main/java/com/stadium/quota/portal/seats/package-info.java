/** Seat maps for admins: a sector drawn as inline SVG from allocation-service's seats, and a match's availability. */
package com.stadium.quota.portal.seats;
