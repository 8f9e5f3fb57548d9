package com.stadium.quota.quotaservice.holder;

import java.time.Instant;
import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.UserRepresentation;

import com.stadium.quota.messaging.drain.Drain;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

/**
 * Makes each holder a Keycloak user with the quota-holder role, once per email. Asked for in the transaction that
 * invites the holder and done afterwards, with retries, so a Keycloak outage never holds up seats or mail.
 */
@ApplicationScoped
public class HolderAccounts {

    private static final Logger LOG = Logger.getLogger(HolderAccounts.class);
    static final String HOLDER_ROLE = "quota-holder";
    private static final int BATCH = 20;

    @Inject
    Keycloak keycloak;

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private Drain drain;

    @PostConstruct
    void start() {
        drain = new Drain("holder-accounts", this::provisionBatch);
    }

    @PreDestroy
    void stop() {
        drain.close();
    }

    /** Records that the person needs an account (nothing when they have one or it is asked for already). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void request(String email, String name) {
        entityManager.createNativeQuery("""
                insert into holder_account (email, name, requested_at) values (?1, ?2, now())
                on conflict (email) do nothing""")
                .setParameter(1, email).setParameter(2, name).executeUpdate();
        drain.wakeUpAfterCommit(transactions);
    }

    @Scheduled(every = "${suite.holder-accounts.poll-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        drain.wakeUp();
    }

    /**
     * Provisions a batch of waiting accounts; true when a full batch all succeeded, so more may be waiting. A failure
     * ends the run: with Keycloak down the next try is the poll's, not an immediate loop.
     */
    boolean provisionBatch() {
        List<String> waiting = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "select a.email from HolderAccount a where a.provisionedAt is null order by a.requestedAt",
                String.class).setMaxResults(BATCH).getResultList());
        // the Keycloak admin client is request scoped; this runs on the drain's own thread
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            for (String email : waiting) {
                if (!QuarkusTransaction.requiringNew().call(() -> provision(email))) {
                    return false;
                }
            }
        } finally {
            requestContext.terminate();
        }
        return waiting.size() == BATCH;
    }

    /** False when Keycloak could not make the account this time. */
    private boolean provision(String email) {
        HolderAccount account = HolderAccount.findById(email);
        if (account == null || account.provisionedAt != null) {
            return true;
        }
        account.attempts++;
        try {
            account.keycloakId = ensureUser(account.email, account.name);
            account.provisionedAt = Instant.now();
            account.lastError = null;
            return true;
        } catch (RuntimeException e) {
            account.lastError = String.valueOf(e.getMessage());
            LOG.warnf("Keycloak account for %s not made yet (attempt %d): %s", email, account.attempts,
                    e.getMessage());
            return false;
        }
    }

    /** The Keycloak user id for the email: found, or created with the holder role and no password. */
    private String ensureUser(String email, String name) {
        RealmResource realm = keycloak.realm("quota");
        List<UserRepresentation> found = realm.users().searchByEmail(email, true);
        String id;
        if (!found.isEmpty()) {
            id = found.get(0).getId();
        } else {
            UserRepresentation user = new UserRepresentation();
            user.setUsername(email);
            user.setEmail(email);
            user.setEmailVerified(true);
            user.setEnabled(true);
            String[] names = name.trim().split("\\s+", 2);
            user.setFirstName(names[0]);
            user.setLastName(names.length > 1 ? names[1] : names[0]);
            try (Response created = realm.users().create(user)) {
                if (created.getStatus() != 201 && created.getStatus() != 409) {
                    throw new IllegalStateException("Keycloak answered " + created.getStatus());
                }
            }
            id = realm.users().searchByEmail(email, true).get(0).getId();
        }
        realm.users().get(id).roles().realmLevel().add(List.of(realm.roles().get(HOLDER_ROLE).toRepresentation()));
        return id;
    }
}
