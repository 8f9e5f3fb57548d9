/**
 * Invitations: the deeplink a holder receives once seats are held. Tokens are long random values, stored only
 * as hashes, bound to one quota (or quota group) and email, revocable and re-sendable by an admin.
 */
package com.stadium.quota.quotaservice.invitation;
