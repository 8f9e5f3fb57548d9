package com.stadium.quota.notification.push;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Pushes to browsers and the installed web app through their push service (Web Push: RFC 8030, 8291, 8292). The
 * payload is JSON: {@code title}, {@code body} and the message's {@code data} (kind, quotaId, notificationId, url).
 */
@ApplicationScoped
@Startup
@Identifier(WebPushProvider.NAME)
public class WebPushProvider implements PushProvider {

    public static final String NAME = "web-push";

    @Inject
    WebPushConfig config;

    @Inject
    ObjectMapper json;

    private Optional<WebPushRequests> requests;
    private HttpClient http;

    // a half-written or wrong key configuration stops the start instead of failing every push later
    @PostConstruct
    void start() {
        List<String> missing = Stream.of(config.publicKey().isEmpty() ? "public-key" : null,
                config.privateKey().isEmpty() ? "private-key" : null,
                config.subject().isEmpty() ? "subject" : null).filter(name -> name != null).toList();
        if (missing.size() == 3) {
            requests = Optional.empty();
        } else if (!missing.isEmpty()) {
            throw new IllegalStateException("suite.push.web-push: public-key, private-key and subject go together;"
                    + " missing " + String.join(", ", missing));
        } else {
            try {
                requests = Optional.of(WebPushRequests.of(config.publicKey().get(), config.privateKey().get(),
                        config.subject().get(), config.ttl()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("suite.push.web-push: " + e.getMessage(), e);
            }
        }
        http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    /** The VAPID public key browsers subscribe with; empty when this server has no Web Push. */
    public Optional<String> publicKey() {
        return requests.map(WebPushRequests::publicKey);
    }

    /** The rules a browser's subscription must pass here. */
    public SubscriptionRules subscriptionRules() {
        return new SubscriptionRules(config.allowLoopbackHttp());
    }

    @Override
    public Outcome send(PushMessage message) {
        WebPushRequests web = requests.orElseThrow(
                () -> new IllegalStateException("Web Push is not configured (suite.push.web-push.*)"));
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("title", message.title());
        payload.put("body", message.body());
        payload.putAll(message.data());
        HttpResponse<String> response;
        try {
            response = http.send(web.request(message.subscription(), json.writeValueAsBytes(payload),
                    config.timeout()), HttpResponse.BodyHandlers.ofString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("push payload cannot be written", e);
        } catch (IOException e) {
            throw new UncheckedIOException("push service not reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pushing", e);
        }
        return WebPushRequests.outcome(response.statusCode(), response.body());
    }
}
