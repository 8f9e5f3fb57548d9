package com.stadium.quota.quotaservice.ticketcode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The offline gate of docs/decisions.md (issue 21), run: a gate that holds only the public keys (base64 X.509, as in
 * config) verifies codes with the JDK alone, no quota-service class and no network. It cannot know of re-assignments
 * or cancellations made since it went offline, so it admits each ticket once and reports its admissions when it is
 * back online.
 */
class OfflineGateExampleTest {

    /** Everything an offline gate needs: JDK only (docs/decisions.md points here). */
    static final class OfflineGate {
        private final Map<String, String> publicKeys;
        private final long matchId;
        private final Set<String> admitted = new HashSet<>();

        OfflineGate(Map<String, String> publicKeys, long matchId) {
            this.publicKeys = publicKeys;
            this.matchId = matchId;
        }

        String scan(String code) throws Exception {
            String[] parts = code.strip().split("\\.", -1);
            if (parts.length != 4 || !parts[0].equals("v1") || !publicKeys.containsKey(parts[1])) {
                return "refused: not a ticket code of ours";
            }
            PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(publicKeys.get(parts[1]))));
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1] + "." + parts[2]).getBytes(StandardCharsets.US_ASCII));
            boolean signed;
            try {
                signed = signature.verify(Base64.getUrlDecoder().decode(parts[3]));
            } catch (IllegalArgumentException | java.security.SignatureException e) {
                signed = false;
            }
            if (!signed) {
                return "refused: wrong signature";
            }
            // ticketId|matchId|seatId|attendeeVersion
            String[] payload = new String(Base64.getUrlDecoder().decode(parts[2]), StandardCharsets.UTF_8)
                    .split("\\|");
            if (Long.parseLong(payload[1]) != matchId) {
                return "refused: ticket for match " + payload[1];
            }
            return admitted.add(payload[0]) ? "admit seat " + payload[2] : "refused: admitted already";
        }
    }

    @Test
    void aGateWithOnlyThePublicKeyAdmitsAValidCodeOnceAndRefusesTamperingAndOtherMatches() throws Exception {
        var keys = TicketKeys.generate();
        TicketSigner service = new TicketSigner("k2026-11", keys.getPrivate());
        OfflineGate gate = new OfflineGate(Map.of("k2026-11", TicketKeys.encode(keys.getPublic())), 7);
        UUID ticket = UUID.randomUUID();
        String code = service.sign(new TicketCode(ticket, 7, 101, 0));

        assertThat(gate.scan(code)).isEqualTo("admit seat 101");
        assertThat(gate.scan(code)).isEqualTo("refused: admitted already");
        String otherSeat = new TicketCode(UUID.randomUUID(), 7, 102, 0).payload();
        String[] parts = code.split("\\.");
        assertThat(gate.scan(parts[0] + "." + parts[1] + "." + otherSeat + "." + parts[3]))
                .isEqualTo("refused: wrong signature");
        assertThat(gate.scan(service.sign(new TicketCode(UUID.randomUUID(), 8, 5, 0))))
                .isEqualTo("refused: ticket for match 8");
        assertThat(gate.scan(new TicketSigner("k2026-12", keys.getPrivate()).sign(new TicketCode(ticket, 7, 101, 0))))
                .isEqualTo("refused: not a ticket code of ours");
    }
}
