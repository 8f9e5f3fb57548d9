/**
 * The stadium gate (issue 21): verifies a scanned ticket code and records the ticket's first admission exactly once;
 * hands the honoured public keys to gates that verify offline.
 */
package com.stadium.quota.quotaservice.gate;
