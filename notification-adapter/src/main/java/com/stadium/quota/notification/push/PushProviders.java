package com.stadium.quota.notification.push;

import java.util.EnumMap;
import java.util.Map;

import com.stadium.quota.notification.config.NotificationConfig;

import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Which provider pushes to which kind of device: browsers get Web Push; the native app's platforms get the
 * provider {@code suite.push.provider} names (an FCM or APNs provider, once there is one).
 */
@ApplicationScoped
@Startup
public class PushProviders {

    @Inject
    NotificationConfig config;

    @Inject
    @Any
    Instance<PushProvider> providers;

    private final Map<Platform, PushProvider> byPlatform = new EnumMap<>(Platform.class);

    // fails the start when suite.push.provider names no provider
    @PostConstruct
    void start() {
        PushProvider forApp = named(config.push().provider());
        byPlatform.put(Platform.IOS, forApp);
        byPlatform.put(Platform.ANDROID, forApp);
        byPlatform.put(Platform.WEB, named(WebPushProvider.NAME));
    }

    public PushProvider of(Platform platform) {
        return byPlatform.get(platform);
    }

    private PushProvider named(String name) {
        Instance<PushProvider> found = providers.select(Identifier.Literal.of(name));
        if (!found.isResolvable()) {
            throw new IllegalStateException("suite.push.provider: no push provider named " + name);
        }
        return found.get();
    }
}
