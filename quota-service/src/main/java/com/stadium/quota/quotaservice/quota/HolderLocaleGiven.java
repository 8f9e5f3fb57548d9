package com.stadium.quota.quotaservice.quota;

/**
 * A quota was created with the language its holder's messages are to be written in (a CDI event, observed in the
 * creating transaction).
 *
 * @param locale a checked language tag ({@link QuotaRules#languageTag})
 */
public record HolderLocaleGiven(String email, String locale) {
}
