package com.stadium.quota.notification.push;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jboss.logging.Logger;

import com.stadium.quota.messaging.contract.NotificationKind;
import com.stadium.quota.notification.email.ClubConfig;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** Pushes a mailed message to the recipient's devices, for the kinds a holder wants on the phone. */
@ApplicationScoped
@Startup
public class PushNotifier {

    private static final Logger LOG = Logger.getLogger(PushNotifier.class);
    /** A test message is an admin's mail check; everything else concerns the holder's tickets. */
    static final Set<NotificationKind> PUSHED = Set.of(NotificationKind.QUOTA_INVITATION,
            NotificationKind.SUBQUOTA_INVITATION, NotificationKind.CLAIM_CONFIRMATION,
            NotificationKind.SUBQUOTA_RETRACTED, NotificationKind.QUOTA_CANCELLED,
            NotificationKind.EXPIRATION_REMINDER);

    @Inject
    Instance<PushProvider> providers;

    @Inject
    ClubConfig club;

    private PushProvider provider;

    // fails the start when suite.push.provider names no provider
    @PostConstruct
    void start() {
        provider = providers.get();
    }

    /** Best effort: a failing push is logged and never makes the (already sent) mail go again. */
    public void accompany(String email, String kind, String quotaId, UUID notificationId, String subject) {
        if (NotificationKind.of(kind).filter(PUSHED::contains).isEmpty()) {
            return;
        }
        Map<String, String> data = quotaId == null
                ? Map.of("kind", kind, "notificationId", notificationId.toString())
                : Map.of("kind", kind, "notificationId", notificationId.toString(), "quotaId", quotaId);
        for (Device device : Device.of(email)) {
            try {
                provider.send(new PushMessage(device.token, device.platform, club.name(), subject, data));
            } catch (RuntimeException e) {
                LOG.warnf("push of notification %s to a %s device failed: %s", notificationId, device.platform,
                        e.getMessage());
            }
        }
    }
}
