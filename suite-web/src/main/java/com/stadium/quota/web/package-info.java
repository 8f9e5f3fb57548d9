/**
 * The refusal every service API gives for input it cannot take: HTTP 400 (or 409 for a clash with existing data)
 * with a list of violations, each naming the field (or line and column of an upload), the value and the reason.
 * The shape matches Quarkus' own Bean Validation response ({@code title}, {@code status}, {@code violations}).
 */
package com.stadium.quota.web;
