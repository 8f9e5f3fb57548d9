package com.stadium.quota.quotaservice.holder;

import java.time.Clock;
import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.UserRepresentation;

import com.stadium.quota.messaging.drain.Drain;
import com.stadium.quota.web.Unavailable;

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
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * Makes each holder a Keycloak user in the group {@code holders} (which carries the quota-holder role), once per
 * email. Asked for in the transaction that invites the holder and done afterwards, with retries, so a Keycloak outage
 * never holds up seats or mail; a redeemed deeplink whose account is not made yet makes it at once. Each waiting
 * account is claimed by one instance at a time ({@code FOR UPDATE SKIP LOCKED}), so several instances share the work.
 */
@ApplicationScoped
public class HolderAccounts {

    private static final Logger LOG = Logger.getLogger(HolderAccounts.class);
    /** The Keycloak group of holders: the only users this service's account may see, make and impersonate. */
    static final String HOLDERS_GROUP = "/holders";
    private static final int BATCH = 20;

    @Inject
    Keycloak keycloak;

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    Clock clock;

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
                // the least tried first: one account Keycloak keeps refusing never holds up the others
                "select a.email from HolderAccount a where a.provisionedAt is null order by a.attempts, a.requestedAt",
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

    /**
     * The holder's Keycloak user id, making the account now if the background drain has not yet (a deeplink opened
     * within seconds of its mail). Fails with {@link Unavailable} when Keycloak does not answer (or the email is a
     * Keycloak user outside holders, whom this service may not touch).
     */
    public String accountFor(String email, String name) {
        HolderAccount known = QuarkusTransaction.requiringNew().call(() -> HolderAccount.findById(email));
        if (known != null && known.keycloakId != null && known.provisionedAt != null) {
            return known.keycloakId;
        }
        try {
            String id = ensureUser(email, known != null ? known.name : name);
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                    insert into holder_account (email, name, keycloak_id, requested_at, provisioned_at, attempts)
                    values (?1, ?2, ?3, now(), now(), 1)
                    on conflict (email) do update set keycloak_id = excluded.keycloak_id,
                        provisioned_at = coalesce(holder_account.provisioned_at, now()), last_error = null""")
                    .setParameter(1, email).setParameter(2, known != null ? known.name : name).setParameter(3, id)
                    .executeUpdate());
            return id;
        } catch (ProcessingException | WebApplicationException | IllegalStateException e) {
            throw new Unavailable("keycloak", e);
        }
    }

    /** False when Keycloak could not make the account this time. */
    private boolean provision(String email) {
        // claimed: an instance working on it (or done with it) makes another one skip it
        @SuppressWarnings("unchecked")
        List<HolderAccount> mine = entityManager.createNativeQuery("""
                select * from holder_account where email = ?1 and provisioned_at is null
                for update skip locked""", HolderAccount.class).setParameter(1, email).getResultList();
        if (mine.isEmpty()) {
            return true;
        }
        HolderAccount account = mine.get(0);
        account.attempts++;
        try {
            account.keycloakId = ensureUser(account.email, account.name);
            account.provisionedAt = clock.instant();
            account.lastError = null;
            return true;
        } catch (RuntimeException e) {
            account.lastError = String.valueOf(e.getMessage());
            LOG.warnf("Keycloak account for %s not made yet (attempt %d): %s", email, account.attempts,
                    e.getMessage());
            return false;
        }
    }

    /**
     * The name as Keycloak's default user profile accepts it: its person-name validator refuses these characters (a
     * 400), while a holder may well be "Pia Pair; Box 4". quota-service keeps the name as given; Keycloak's is for show.
     */
    static String keycloakName(String name) {
        String kept = name == null ? "" : name.replaceAll("[<>&\"$%!#?§;*~/\\\\|^=\\[\\]{}()\\p{Cntrl}]", " ")
                .trim().replaceAll("\\s+", " ");
        return kept.isEmpty() ? "Holder" : kept;
    }

    /**
     * The Keycloak user id for the email: found among the holders, or created in the holders group with no password.
     * This service's account sees members of holders only, so an admin's email never comes back here: creating it
     * then clashes (409) and is reported as a failure instead of touching the admin's account.
     */
    private String ensureUser(String email, String name) {
        RealmResource realm = keycloak.realm("quota");
        List<UserRepresentation> found = realm.users().searchByEmail(email, true);
        if (!found.isEmpty()) {
            return found.get(0).getId();
        }
        UserRepresentation user = new UserRepresentation();
        user.setUsername(email);
        user.setEmail(email);
        user.setEmailVerified(true);
        user.setEnabled(true);
        String[] names = keycloakName(name).split(" ", 2);
        user.setFirstName(names[0]);
        user.setLastName(names.length > 1 ? names[1] : names[0]);
        user.setGroups(List.of(HOLDERS_GROUP));
        try (Response created = realm.users().create(user)) {
            if (created.getStatus() != 201 && created.getStatus() != 409) {
                throw new IllegalStateException("Keycloak answered " + created.getStatus());
            }
        }
        List<UserRepresentation> made = realm.users().searchByEmail(email, true);
        if (made.isEmpty()) {
            throw new IllegalStateException("the email belongs to a Keycloak user who is not a holder");
        }
        return made.get(0).getId();
    }
}
