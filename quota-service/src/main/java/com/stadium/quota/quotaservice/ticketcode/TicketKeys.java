package com.stadium.quota.quotaservice.ticketcode;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * Ed25519 keys as config holds them: the private key as base64 PKCS#8 DER, public keys as base64 X.509
 * (SubjectPublicKeyInfo) DER, the forms {@code openssl genpkey -algorithm ed25519 -outform DER} and
 * {@code openssl pkey -pubout -outform DER} write, and the JDK's {@code getEncoded()} gives.
 */
public final class TicketKeys {

    static final String ALGORITHM = "Ed25519";

    private TicketKeys() {
    }

    /** A new key pair, e.g. for a test or a key rotation. */
    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no " + ALGORITHM, e);
        }
    }

    /** The private key of a base64 PKCS#8 value; a clear error naming {@code name} when it is not one. */
    public static PrivateKey privateKey(String name, String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(decode(name, base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(name + " is not a base64 PKCS#8 Ed25519 private key", e);
        }
    }

    /** The public key of a base64 X.509 value; a clear error naming {@code name} when it is not one. */
    public static PublicKey publicKey(String name, String base64) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(decode(name, base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(name + " is not a base64 X.509 Ed25519 public key", e);
        }
    }

    /** The base64 of a key's standard encoding (PKCS#8 for private, X.509 for public keys), as config holds it. */
    public static String encode(Key key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    private static byte[] decode(String name, String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException(name + " is empty");
        }
        try {
            return Base64.getMimeDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not base64", e);
        }
    }
}
