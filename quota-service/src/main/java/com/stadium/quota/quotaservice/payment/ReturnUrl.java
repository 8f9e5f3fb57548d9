package com.stadium.quota.quotaservice.payment;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import com.stadium.quota.web.Violation;

/**
 * Where a payer is sent back after the payment page. Only addresses that start with one of the configured prefixes
 * are accepted (the portal's own pages, the app's scheme), so the payment page can never be used to send someone to
 * a site of an attacker's choosing (an open redirect).
 */
public final class ReturnUrl {

    static final int MAX_LENGTH = 2000;

    private ReturnUrl() {
    }

    /** No violation for a missing return address (nobody is sent anywhere) or one under an allowed prefix. */
    public static List<Violation> check(String url, List<String> allowedPrefixes) {
        if (url == null) {
            return List.of();
        }
        if (url.length() > MAX_LENGTH || !isUri(url)) {
            return List.of(new Violation("returnUrl", "is not a web address (at most " + MAX_LENGTH
                    + " characters)", null, abbreviated(url)));
        }
        boolean allowed = allowedPrefixes.stream().anyMatch(p -> !p.isBlank() && url.startsWith(p));
        if (!allowed) {
            return List.of(new Violation("returnUrl", "must start with one of " + String.join(", ", allowedPrefixes),
                    null, abbreviated(url)));
        }
        return List.of();
    }

    /** The return address with {@code payment=paid} or {@code payment=declined} added to its query. */
    public static String withOutcome(String url, boolean paid) {
        int hash = url.indexOf('#');
        String base = hash < 0 ? url : url.substring(0, hash);
        String fragment = hash < 0 ? "" : url.substring(hash);
        String separator = base.endsWith("?") || base.endsWith("&") ? "" : base.contains("?") ? "&" : "?";
        return base + separator + "payment=" + (paid ? "paid" : "declined") + fragment;
    }

    private static boolean isUri(String url) {
        if (url.chars().anyMatch(c -> c <= ' ' || c == '\\' || c == 0x7f)) {
            return false;
        }
        try {
            return new URI(url).getScheme() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String abbreviated(String url) {
        return url.length() <= 200 ? url : url.substring(0, 200) + "…";
    }
}
