/**
 * The match catalog other services read instead of asking: every match with its free seats per sector, announced on
 * the compacted {@code match-catalog} topic after each change, at start and on an admin's request.
 */
package com.stadium.quota.allocation.catalog;
