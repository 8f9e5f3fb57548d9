/** Matches: one event at a venue, with a price per sector category. */
package com.stadium.quota.allocation.match;
