package com.stadium.quota.notification.push;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a push service checks of a push's {@code Authorization: vapid t=<JWT>, k=<key>} header (RFC 8292): an ES256
 * JWT whose signature the key verifies.
 *
 * @param key the sender's public key from {@code k}, base64url
 * @param claims the JWT's claims: aud, exp, sub
 */
record VapidToken(String key, JsonNode claims) {

    private static final Pattern VAPID = Pattern.compile("vapid t=([^,\\s]+),\\s*k=([A-Za-z0-9_-]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads and verifies the header, or throws saying what is wrong. */
    static VapidToken verify(String authorization) throws GeneralSecurityException {
        Matcher vapid = VAPID.matcher(authorization == null ? "" : authorization);
        if (!vapid.matches()) {
            throw new GeneralSecurityException("not a VAPID authorization: " + authorization);
        }
        String[] jwt = vapid.group(1).split("\\.");
        if (jwt.length != 3) {
            throw new GeneralSecurityException("not a signed JWT");
        }
        JsonNode header = json(jwt[0]);
        if (!"ES256".equals(header.path("alg").asText())) {
            throw new GeneralSecurityException("alg is not ES256: " + header);
        }
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initVerify(TestBrowser.publicKey(Base64.getUrlDecoder().decode(vapid.group(2))));
        es256.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        if (!es256.verify(Base64.getUrlDecoder().decode(jwt[2]))) {
            throw new GeneralSecurityException("the signature does not match the key");
        }
        return new VapidToken(vapid.group(2), json(jwt[1]));
    }

    private static JsonNode json(String part) throws GeneralSecurityException {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(part));
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException("a JWT part is not JSON", e);
        }
    }
}
