/**
 * Verifiable tickets (issue 21): the signed code a ticket's QR carries, its Ed25519 keys, reading a scanned code and
 * the gate's verdict on it, in plain Java so a gate without the service can verify with the public key alone.
 */
package com.stadium.quota.quotaservice.ticketcode;
