package com.stadium.quota.quotaservice.ticketcode;

import java.security.PublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.stadium.quota.quotaservice.config.QuotaServiceConfig;
import com.stadium.quota.quotaservice.quota.Ticket;
import com.stadium.quota.quotaservice.quota.TicketStatus;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The service's ticket codes: signs a SOLD ticket's code with the current key of {@code suite.ticket-code.*} and
 * reads scanned codes with the honoured public keys. A key that does not parse, or a current key id whose public key
 * is not listed, stops the start with the name of the setting.
 */
@Startup
@ApplicationScoped
public class TicketCodes {

    private final TicketSigner signer;
    private final TicketCodeReader reader;
    private final Map<String, PublicKey> publicKeys;

    /** A public key as gates fetch it; {@code publicKey} is base64 X.509 DER. */
    public record PublicTicketKey(String kid, String alg, String publicKey) {
    }

    @Inject
    public TicketCodes(QuotaServiceConfig config) {
        QuotaServiceConfig.TicketCodeKeys keys = config.ticketCode();
        Map<String, PublicKey> honoured = new LinkedHashMap<>();
        keys.publicKeys().forEach((kid, value) -> honoured.put(kid,
                TicketKeys.publicKey("suite.ticket-code.public-keys." + kid, value)));
        if (!honoured.containsKey(keys.keyId())) {
            throw new IllegalArgumentException("suite.ticket-code.public-keys." + keys.keyId()
                    + " is missing: the public key of the current suite.ticket-code.key-id must be honoured");
        }
        this.signer = new TicketSigner(keys.keyId(),
                TicketKeys.privateKey("suite.ticket-code.private-key", keys.privateKey()));
        this.reader = new TicketCodeReader(honoured);
        this.publicKeys = Map.copyOf(honoured);
    }

    /** The signed code of a SOLD ticket (what its QR carries); null for any other ticket, which has no code. */
    public String codeOf(Ticket ticket) {
        if (ticket.status != TicketStatus.SOLD) {
            return null;
        }
        return signer.sign(new TicketCode(ticket.id, ticket.matchId, ticket.seatId, ticket.attendeeVersion));
    }

    public TicketCodeReader.Reading read(String scanned) {
        return reader.read(scanned);
    }

    /** The honoured public keys, for gates that verify offline. */
    public List<PublicTicketKey> publicKeys() {
        return publicKeys.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new PublicTicketKey(e.getKey(), TicketKeys.ALGORITHM, TicketKeys.encode(e.getValue())))
                .toList();
    }
}
