package com.stadium.quota.quotaservice.ticketcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.stadium.quota.quotaservice.ticketcode.TicketCodeReader.Problem;
import com.stadium.quota.quotaservice.ticketcode.TicketCodeReader.Signed;
import com.stadium.quota.quotaservice.ticketcode.TicketCodeReader.Unsigned;

/** The signed code on a ticket's QR: its format, what tampering does to it, and key rotation. */
class TicketCodeTest {

    /** Made by {@code openssl genpkey -algorithm ed25519 -outform DER | base64 -w0} (docs/decisions.md, issue 21). */
    static final String OPENSSL_PRIVATE = "MC4CAQAwBQYDK2VwBCIEIBDHwvR4iTsoBEbYTDywsd7+U6kwL6AXgmAkhgTAL21U";
    /** Its public key: {@code openssl pkey -inform DER -pubout -outform DER | base64 -w0}. */
    static final String OPENSSL_PUBLIC = "MCowBQYDK2VwAyEAtMQQwfVuNmoCnoxh+tfa5gJJOJdEBo8Heldbw/ur/0c=";

    static final KeyPair CURRENT = TicketKeys.generate();
    static final KeyPair PREVIOUS = TicketKeys.generate();
    static final UUID TICKET = UUID.fromString("3f2c9a4e-8d1b-4c6a-9e3f-0b5d7a1c2e4f");
    static final TicketCode CODE = new TicketCode(TICKET, 7, 101, 2);

    final TicketSigner signer = new TicketSigner("k2026-11", CURRENT.getPrivate());
    final TicketCodeReader reader = new TicketCodeReader(Map.of("k2026-11", CURRENT.getPublic(), "k2026-05",
            PREVIOUS.getPublic()));

    private static String part(String code, int index) {
        return code.split("\\.")[index];
    }

    private static String withPart(String code, int index, String value) {
        String[] parts = code.split("\\.");
        parts[index] = value;
        return String.join(".", parts);
    }

    @Test
    void aCodeIsVersionKeyIdPayloadAndSignatureAndReadsBackToItsTicket() {
        String code = signer.sign(CODE);

        assertThat(code).matches("v1\\.k2026-11\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]{86}").hasSizeLessThan(200);
        assertThat(new String(Base64.getUrlDecoder().decode(part(code, 2)), StandardCharsets.UTF_8))
                .isEqualTo("3f2c9a4e-8d1b-4c6a-9e3f-0b5d7a1c2e4f|7|101|2");
        assertThat(reader.read(code)).isEqualTo(new Signed(CODE, "k2026-11"));
        assertThat(reader.read(" " + code + "\n")).as("a scanner's trailing newline").isEqualTo(new Signed(CODE,
                "k2026-11"));
    }

    @Test
    void aChangedPayloadKeyIdOrSignatureIsRefused() {
        String code = signer.sign(CODE);
        String otherVersion = new TicketCode(TICKET, 7, 101, 3).payload();
        String otherTicket = new TicketCode(UUID.randomUUID(), 7, 101, 2).payload();
        String otherMatch = new TicketCode(TICKET, 8, 101, 2).payload();
        char first = part(code, 3).charAt(0);
        String flipped = (first == 'A' ? 'B' : 'A') + part(code, 3).substring(1);

        for (String tampered : new String[] {withPart(code, 2, otherVersion), withPart(code, 2, otherTicket),
                withPart(code, 2, otherMatch), withPart(code, 3, flipped), withPart(code, 1, "k2026-05"),
                withPart(code, 3, part(code, 3).substring(0, 40)), withPart(code, 3, "not*base64")}) {
            assertThat(reader.read(tampered)).as(tampered).isInstanceOfSatisfying(Unsigned.class,
                    u -> assertThat(u.problem()).isEqualTo(Problem.BAD_SIGNATURE));
        }
    }

    @Test
    void aCodeSignedWithAnotherKeyUnderOurKeyIdIsAForgery() {
        KeyPair stranger = TicketKeys.generate();
        String forged = new TicketSigner("k2026-11", stranger.getPrivate()).sign(CODE);

        assertThat(reader.read(forged)).isEqualTo(new Unsigned(Problem.BAD_SIGNATURE,
                "the signature does not fit the ticket"));
    }

    @Test
    void anythingNotInTheFormatIsMalformed() {
        String code = signer.sign(CODE);
        String upperCaseId = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "3F2C9A4E-8D1B-4C6A-9E3F-0B5D7A1C2E4F|7|101|2".getBytes(StandardCharsets.UTF_8));
        String leadingZero = Base64.getUrlEncoder().withoutPadding().encodeToString(
                (TICKET + "|07|101|2").getBytes(StandardCharsets.UTF_8));

        for (String scanned : new String[] {TICKET.toString(), "", "v1", code + ".x", withPart(code, 0, "v2"),
                withPart(code, 1, "k 1"), withPart(code, 2, upperCaseId), withPart(code, 2, leadingZero),
                withPart(code, 2, "%%%"), "v1.k." + "A".repeat(500) + ".B", null}) {
            assertThat(reader.read(scanned)).as(String.valueOf(scanned)).isEqualTo(new Unsigned(Problem.MALFORMED,
                    "not a ticket code"));
        }
    }

    @Test
    void afterARotationCodesOfTheOldKeyStayValidUntilItIsNoLongerListed() {
        String oldCode = new TicketSigner("k2026-05", PREVIOUS.getPrivate()).sign(CODE);
        String newCode = signer.sign(CODE);

        assertThat(reader.read(oldCode)).isEqualTo(new Signed(CODE, "k2026-05"));
        assertThat(reader.read(newCode)).isEqualTo(new Signed(CODE, "k2026-11"));

        TicketCodeReader afterRetirement = new TicketCodeReader(Map.of("k2026-11", CURRENT.getPublic()));
        assertThat(afterRetirement.read(oldCode)).isEqualTo(new Unsigned(Problem.UNKNOWN_KEY,
                "signed with key k2026-05, which is not honoured"));
        assertThat(afterRetirement.read(newCode)).isInstanceOf(Signed.class);
    }

    @Test
    void keysMadeByOpensslAsConfigHoldsThemSignAndVerify() {
        TicketSigner fromConfig = new TicketSigner("ops1", TicketKeys.privateKey("suite.ticket-code.private-key",
                OPENSSL_PRIVATE));
        TicketCodeReader gate = new TicketCodeReader(Map.of("ops1", TicketKeys.publicKey(
                "suite.ticket-code.public-keys.ops1", OPENSSL_PUBLIC)));

        assertThat(gate.read(fromConfig.sign(CODE))).isEqualTo(new Signed(CODE, "ops1"));
        assertThat(TicketKeys.encode(TicketKeys.publicKey("p", OPENSSL_PUBLIC))).isEqualTo(OPENSSL_PUBLIC);
    }

    @Test
    void aWrongKeyInConfigIsAClearErrorNamingTheKey() {
        assertThatThrownBy(() -> TicketKeys.privateKey("suite.ticket-code.private-key", OPENSSL_PUBLIC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("suite.ticket-code.private-key is not a base64 PKCS#8 Ed25519 private key");
        assertThatThrownBy(() -> TicketKeys.publicKey("suite.ticket-code.public-keys.ops1", " "))
                .hasMessage("suite.ticket-code.public-keys.ops1 is empty");
        assertThatThrownBy(() -> new TicketSigner("has.dot", CURRENT.getPrivate()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TicketCodeReader(Map.of("has.dot", CURRENT.getPublic())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
