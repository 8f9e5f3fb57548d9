/**
 * The claim wizard: select tickets, name who each one is for, pay at the payment provider, and the confirmation with
 * each ticket's QR code. Every step is quota-service's; a page only shows where the claim stands.
 */
package com.stadium.quota.portal.claim;
