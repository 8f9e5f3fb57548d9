package com.stadium.quota.notification.push;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.stadium.quota.web.InvalidInput;
import com.stadium.quota.web.Violation;

import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The app registers the phone or browser it runs on, so the signed-in holder's messages are also pushed there. A
 * native app sends its push service's token; a browser sends its Web Push subscription as
 * {@code PushSubscription.toJSON()} gives it.
 */
@Path("/api/devices")
@RolesAllowed("quota-holder")
@Tag(name = "Devices (mobile app)")
@SecurityRequirement(name = "SecurityScheme")
public class DeviceResource {

    @Inject
    JsonWebToken caller;

    @Inject
    Clock clock;

    @Inject
    @Identifier(WebPushProvider.NAME)
    WebPushProvider webPush;

    /** A browser's keys, as its push subscription names them. */
    public record SubscriptionKeys(String p256dh, String auth) {
    }

    /** A browser's push subscription ({@code expirationTime} and other fields are ignored). */
    public record Subscription(String endpoint, SubscriptionKeys keys) {
    }

    /**
     * @param token the push service's token of the native app (IOS, ANDROID)
     * @param subscription the browser's Web Push subscription (WEB)
     */
    public record DeviceRegistration(String token, @NotNull Platform platform, Subscription subscription) {
    }

    /** A registered device and whose messages it receives; a browser's token is derived from its endpoint. */
    public record DeviceView(String token, Platform platform, String email, Instant registeredAt) {
        static DeviceView of(Device d) {
            return new DeviceView(d.token, d.platform, d.email, d.registeredAt);
        }
    }

    /** What a browser subscribes with: the server's VAPID public key, base64url. */
    public record WebPushKey(String publicKey) {
    }

    @GET
    @Path("/web-push")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The VAPID public key a browser subscribes with (its applicationServerKey)")
    @APIResponse(responseCode = "404", description = "this server has no Web Push")
    public WebPushKey webPushKey() {
        return webPush.publicKey().map(WebPushKey::new)
                .orElseThrow(() -> InvalidInput.notFound("webPush", "this server has no Web Push configured"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Register this phone or browser for the signed-in holder's pushes (again: moves it to this"
            + " holder, and a browser's new keys replace the old)")
    @APIResponse(responseCode = "400", description = "a field is missing or wrong; each violation names it")
    public DeviceView register(@Valid @NotNull DeviceRegistration registration) {
        String email = callerEmail();
        Device device = registration.platform() == Platform.WEB ? web(registration) : app(registration);
        device.email = email;
        device.platform = registration.platform();
        device.registeredAt = clock.instant();
        device.persist();
        return DeviceView.of(device);
    }

    private Device app(DeviceRegistration registration) {
        List<Violation> violations = new ArrayList<>();
        String token = registration.token();
        if (token == null || token.isBlank()) {
            violations.add(Violation.of("token", "is missing: the push service's token of the app on this phone"));
        } else if (token.length() > 4096) {
            violations.add(Violation.of("token", "is longer than 4096 characters"));
        }
        if (registration.subscription() != null) {
            violations.add(Violation.of("subscription", "is for platform WEB only"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInput(violations);
        }
        Device device = Device.findById(token);
        if (device == null) {
            device = new Device();
            device.token = token;
        }
        device.endpoint = null;
        device.p256dh = null;
        device.auth = null;
        return device;
    }

    private Device web(DeviceRegistration registration) {
        if (webPush.publicKey().isEmpty()) {
            throw InvalidInput.of("platform", "WEB: this server has no Web Push configured");
        }
        if (registration.token() != null) {
            throw InvalidInput.of("token", "is for IOS and ANDROID: a browser sends its subscription");
        }
        Subscription given = registration.subscription();
        if (given == null) {
            throw InvalidInput.of("subscription", "is missing: the browser's push subscription (endpoint, keys)");
        }
        SubscriptionKeys keys = given.keys() == null ? new SubscriptionKeys(null, null) : given.keys();
        WebPushSubscription subscription = webPush.subscriptionRules().check(given.endpoint(), keys.p256dh(),
                keys.auth());
        String token = Device.webToken(subscription.endpoint());
        Device device = Device.findById(token);
        if (device == null) {
            device = new Device();
            device.token = token;
        }
        device.endpoint = subscription.endpoint();
        device.p256dh = subscription.p256dh();
        device.auth = subscription.auth();
        return device;
    }

    @DELETE
    @Path("/{token}")
    @Transactional
    @Operation(summary = "Stop pushes to this phone or browser (the app signs out, is uninstalled, or the holder"
            + " turns pushes off)")
    @APIResponse(responseCode = "204", description = "no longer registered")
    @APIResponse(responseCode = "404", description = "not a device of the signed-in holder")
    public void unregister(@PathParam("token") String token) {
        Device device = Device.findById(token);
        // another holder's device is "not found", never "forbidden": it tells nothing about other people
        if (device == null || !device.email.equals(callerEmail())) {
            throw new NotFoundException();
        }
        device.delete();
    }

    private String callerEmail() {
        String email = caller.getClaim("email");
        if (email == null || email.isBlank()) {
            throw new ForbiddenException("the sign-in carries no email");
        }
        return Device.normalise(email);
    }
}
