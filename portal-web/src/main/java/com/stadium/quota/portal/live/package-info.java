/**
 * Live updates: every portal instance reads all of quota-events and pushes a small "this quota changed" to each open
 * page (server-sent events) and app session allowed to see that quota; the page then fetches the fresh part itself.
 */
package com.stadium.quota.portal.live;
