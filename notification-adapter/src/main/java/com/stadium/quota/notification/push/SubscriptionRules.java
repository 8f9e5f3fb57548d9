package com.stadium.quota.notification.push;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.stadium.quota.web.InvalidInput;
import com.stadium.quota.web.Violation;

/**
 * Checks a browser's push subscription before it is stored, so that every later push to it can be encrypted and
 * sent: an https endpoint of a push service, a P-256 public key and a 16-byte secret, both base64url.
 */
public final class SubscriptionRules {

    static final String ENDPOINT = "subscription.endpoint";
    static final String P256DH = "subscription.keys.p256dh";
    static final String AUTH = "subscription.keys.auth";
    static final int MAX_ENDPOINT_LENGTH = 2048;

    private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+={0,2}");
    static final ECParameterSpec P256 = p256();

    private final boolean allowLoopbackHttp;

    /** @param allowLoopbackHttp dev and test only: a stand-in push service on this machine over plain http */
    public SubscriptionRules(boolean allowLoopbackHttp) {
        this.allowLoopbackHttp = allowLoopbackHttp;
    }

    /** The subscription with its keys written canonically (no padding), or every reason it is refused (400). */
    public WebPushSubscription check(String endpoint, String p256dh, String auth) {
        List<Violation> violations = new ArrayList<>();
        checkEndpoint(endpoint, violations);
        byte[] publicKey = decode(P256DH, p256dh, violations);
        if (publicKey != null) {
            if (publicKey.length != 65 || publicKey[0] != 0x04) {
                violations.add(Violation.of(P256DH, "must be an uncompressed P-256 public key: 65 bytes"
                        + " (87 base64url characters), not " + publicKey.length));
            } else if (!onP256(publicKey)) {
                violations.add(Violation.of(P256DH, "is not a point on the P-256 curve"));
            }
        }
        byte[] secret = decode(AUTH, auth, violations);
        if (secret != null && secret.length != 16) {
            violations.add(Violation.of(AUTH, "must be 16 bytes (22 base64url characters), not " + secret.length));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();
        return new WebPushSubscription(endpoint, base64url.encodeToString(publicKey), base64url.encodeToString(secret));
    }

    private void checkEndpoint(String endpoint, List<Violation> violations) {
        if (endpoint == null || endpoint.isBlank()) {
            violations.add(Violation.of(ENDPOINT, "is missing"));
            return;
        }
        if (endpoint.length() > MAX_ENDPOINT_LENGTH) {
            violations.add(Violation.of(ENDPOINT, "is longer than " + MAX_ENDPOINT_LENGTH + " characters"));
            return;
        }
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            violations.add(Violation.of(ENDPOINT, "is not a URL: " + e.getReason()));
            return;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            violations.add(Violation.of(ENDPOINT, "must be an https URL of a push service"));
            return;
        }
        if (uri.getUserInfo() != null) {
            violations.add(Violation.of(ENDPOINT, "must not carry a user name or password"));
            return;
        }
        Address address = Address.of(uri.getHost());
        boolean standIn = allowLoopbackHttp && address == Address.LOOPBACK;
        if (scheme.equals("http") && !standIn) {
            violations.add(Violation.of(ENDPOINT, "must be an https URL of a push service"));
        } else if (address != Address.PUBLIC && !standIn) {
            // pushes are requests from this server: never to its own network
            violations.add(Violation.of(ENDPOINT, "must be a push service on the internet, not a loopback or"
                    + " private address"));
        }
    }

    /** What a host names, told without asking DNS. */
    private enum Address {
        LOOPBACK, PRIVATE, PUBLIC;

        static Address of(String host) {
            String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            if (name.equalsIgnoreCase("localhost") || name.toLowerCase(Locale.ROOT).endsWith(".localhost")) {
                return LOOPBACK;
            }
            if (!name.matches("[0-9.]+") && !name.contains(":")) {
                return PUBLIC;
            }
            try {
                InetAddress ip = InetAddress.getByName(name); // a literal: no lookup
                if (ip.isLoopbackAddress()) {
                    return LOOPBACK;
                }
                return ip.isSiteLocalAddress() || ip.isLinkLocalAddress() || ip.isAnyLocalAddress()
                        || ip.isMulticastAddress() || isUniqueLocal(ip) ? PRIVATE : PUBLIC;
            } catch (UnknownHostException notAnAddress) {
                return PRIVATE;
            }
        }

        private static boolean isUniqueLocal(InetAddress ip) {
            byte[] bytes = ip.getAddress();
            return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
        }
    }

    private static byte[] decode(String field, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(Violation.of(field, "is missing"));
            return null;
        }
        if (!BASE64URL.matcher(value).matches()) {
            violations.add(Violation.of(field, "must be base64url (A-Z, a-z, 0-9, - and _)"));
            return null;
        }
        try {
            return Base64.getUrlDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            violations.add(Violation.of(field, "must be base64url: " + e.getMessage()));
            return null;
        }
    }

    /** y² = x³ + ax + b on P-256: a key off the curve could never be used to encrypt. */
    private static boolean onP256(byte[] point) {
        BigInteger p = ((ECFieldFp) P256.getCurve().getField()).getP();
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 33));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 33, 65));
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger right = x.pow(3).add(P256.getCurve().getA().multiply(x)).add(P256.getCurve().getB()).mod(p);
        return y.modPow(BigInteger.TWO, p).equals(right);
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no P-256 curve", e);
        }
    }
}
