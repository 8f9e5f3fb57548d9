package com.stadium.quota.quotaservice.quota;

import java.time.LocalDate;
import java.util.List;

/**
 * What an admin asks for (the JSON body of a create, or one CSV line). Several matches make a quota group: one
 * quota per match, the same seats at each. Anything may be missing or wrong until {@link QuotaRules} checked it.
 *
 * @param sectors sector codes in order of preference
 * @param discountPercent 0 to 100; 100 makes the tickets free (no payment step)
 * @param expiresOn a reminder date only: it never changes a status
 * @param delegate the holder may pass tickets on (subquotas)
 * @param transferable tickets may be re-assigned to another attendee after the claim
 * @param allowPartial hold what is free when fewer seats are free than asked
 * @param includeAccessible wheelchair places and companion seats may be used
 * @param locale the language of the holder's messages (a tag such as {@code de}); absent: the one stored for the
 *        holder, else the suite's default
 */
public record NewQuota(String holderEmail, String holderName, List<Long> matchIds, List<String> sectors,
        Integer quantity, Integer discountPercent, String algorithm, LocalDate expiresOn, Boolean delegate,
        Boolean transferable, Boolean allowPartial, Boolean includeAccessible, String locale) {
}
