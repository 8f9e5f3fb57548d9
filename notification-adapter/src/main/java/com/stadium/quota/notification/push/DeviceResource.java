package com.stadium.quota.notification.push;

import java.time.Instant;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The mobile app registers the phone it runs on, so the signed-in holder's messages are also pushed there. */
@Path("/api/devices")
@RolesAllowed("quota-holder")
@Tag(name = "Devices (mobile app)")
@SecurityRequirement(name = "SecurityScheme")
public class DeviceResource {

    @Inject
    JsonWebToken caller;

    public enum Platform {
        IOS,
        ANDROID
    }

    /** The push service's token for the app on this phone. */
    public record DeviceRegistration(@NotBlank @Size(max = 4096) String token, @NotNull Platform platform) {
    }

    /** A registered device and whose messages it receives. */
    public record DeviceView(String token, String platform, String email, Instant registeredAt) {
        static DeviceView of(Device d) {
            return new DeviceView(d.token, d.platform, d.email, d.registeredAt);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Register this phone for the signed-in holder's pushes (again: moves it to this holder)")
    public DeviceView register(@Valid @NotNull DeviceRegistration registration) {
        Device device = Device.findById(registration.token());
        if (device == null) {
            device = new Device();
            device.token = registration.token();
        }
        device.email = callerEmail();
        device.platform = registration.platform().name();
        device.registeredAt = Instant.now();
        device.persist();
        return DeviceView.of(device);
    }

    @DELETE
    @Path("/{token}")
    @Transactional
    @Operation(summary = "Stop pushes to this phone (the app signs out or is uninstalled)")
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
