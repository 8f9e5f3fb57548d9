package com.stadium.quota.notification.push;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The browser's side of Web Push as a test plays it: a P-256 key pair and an auth secret, and the decryption of
 * what its push service hands over ({@code aes128gcm}, RFC 8291 section 3), written here with JDK crypto only.
 */
final class TestBrowser {

    static final ECParameterSpec P256 = SubscriptionRules.P256;

    private final ECPrivateKey privateKey;
    private final byte[] publicKey;
    private final byte[] auth;

    private TestBrowser(ECPrivateKey privateKey, byte[] publicKey, byte[] auth) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.auth = auth;
    }

    /** A browser with fresh keys, as {@code pushManager.subscribe()} makes them. */
    static TestBrowser create() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            var pair = generator.generateKeyPair();
            byte[] auth = new byte[16];
            new SecureRandom().nextBytes(auth);
            return new TestBrowser((ECPrivateKey) pair.getPrivate(), uncompressed((ECPublicKey) pair.getPublic()),
                    auth);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A browser with given keys (base64url): the private value, the public point and the secret. */
    static TestBrowser of(String privateKey, String publicKey, String auth) {
        try {
            ECPrivateKey key = (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new ECPrivateKeySpec(new BigInteger(1, base64url(privateKey)), P256));
            return new TestBrowser(key, base64url(publicKey), base64url(auth));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String p256dh() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(publicKey);
    }

    String auth() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(auth);
    }

    WebPushSubscription subscription(String endpoint) {
        return new WebPushSubscription(endpoint, p256dh(), auth());
    }

    /** The header of an {@code aes128gcm} body: salt, record size, the sender's key. */
    record Header(byte[] salt, int recordSize, byte[] senderKey) {
        static Header of(byte[] body) {
            ByteBuffer in = ByteBuffer.wrap(body);
            byte[] salt = new byte[16];
            in.get(salt);
            int recordSize = in.getInt();
            byte[] key = new byte[in.get() & 0xff];
            in.get(key);
            return new Header(salt, recordSize, key);
        }

        int length() {
            return 21 + senderKey.length;
        }
    }

    /** The plaintext of a one-record message, or an exception when it was not encrypted for this browser. */
    byte[] decrypt(byte[] body) throws GeneralSecurityException {
        Header header = Header.of(body);
        byte[] ciphertext = Arrays.copyOfRange(body, header.length(), body.length);
        if (ciphertext.length > header.recordSize()) {
            throw new GeneralSecurityException("more than one record");
        }
        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(privateKey);
        ecdh.doPhase(publicKey(header.senderKey()), true);
        byte[] sharedSecret = ecdh.generateSecret();
        byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), publicKey, header.senderKey());
        byte[] ikm = hkdf(auth, sharedSecret, keyInfo, 32);
        byte[] contentKey = hkdf(header.salt(), ikm,
                "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
        byte[] nonce = hkdf(header.salt(), ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(contentKey, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = aes.doFinal(ciphertext);
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 2) {
            throw new GeneralSecurityException("the last record's delimiter (2) is missing");
        }
        return Arrays.copyOf(padded, end);
    }

    /** HKDF-SHA-256 (RFC 5869) for one block of output. */
    private static byte[] hkdf(byte[] salt, byte[] inputKey, byte[] info, int length) throws GeneralSecurityException {
        byte[] prk = hmac(salt, inputKey);
        return Arrays.copyOf(hmac(prk, concat(info, new byte[] {1})), length);
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    static ECPublicKey publicKey(byte[] point) throws GeneralSecurityException {
        ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, P256));
    }

    private static byte[] uncompressed(ECPublicKey key) {
        byte[] point = new byte[65];
        point[0] = 4;
        copyUnsigned(key.getW().getAffineX(), point, 1);
        copyUnsigned(key.getW().getAffineY(), point, 33);
        return point;
    }

    private static void copyUnsigned(BigInteger value, byte[] to, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, to, offset + 32 - length, length);
    }

    static byte[] base64url(String value) {
        return Base64.getUrlDecoder().decode(value);
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuffer all = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
        for (byte[] part : parts) {
            all.put(part);
        }
        return all.array();
    }
}
