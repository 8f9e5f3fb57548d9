/** Venues and their layout: sectors, rows and seats with aisles and attributes; generated or loaded, then stored. */
package com.stadium.quota.allocation.venue;
