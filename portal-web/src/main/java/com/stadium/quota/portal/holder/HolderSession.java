package com.stadium.quota.portal.holder;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.stadium.quota.portal.web.Club;
import com.stadium.quota.portal.web.Formats;
import com.stadium.quota.portal.web.Languages;

import io.quarkus.oidc.IdToken;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/** The signed-in holder of this request, in their language, and the admin acting for them when it is not them. */
@RequestScoped
public class HolderSession {

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    Club club;

    @Inject
    HttpServerRequest request;

    @Inject
    Clock clock;

    /** Who a holder page is for, and the person acting for them when it is not them. */
    public record Viewer(String name, String email, Optional<String> actingAdmin) {
        public boolean masquerade() {
            return actingAdmin.isPresent();
        }
    }

    public Viewer viewer() {
        return new Viewer(Optional.ofNullable(idToken.<String>getClaim("name")).orElse(idToken.getName()),
                idToken.getClaim("email"), actingAdmin(idToken.getClaim("impersonator")));
    }

    public Locale locale() {
        return Languages.fromHeader(request.getHeader("Accept-Language"));
    }

    public Formats formats() {
        return new Formats(club.timeZone(), locale());
    }

    public Instant now() {
        return clock.instant();
    }

    public Club club() {
        return club;
    }

    /** A page in the holder's language. */
    public TemplateInstance page(TemplateInstance page) {
        return page.setLocale(locale()).data("viewer", viewer()).data("club", club);
    }

    /** A person who impersonates (masquerade); a deeplink's session names the service account, not a person. */
    static Optional<String> actingAdmin(Object impersonator) {
        String username = null;
        if (impersonator instanceof JsonObject object && object.get("username") != null) {
            username = object.getString("username", null);
        } else if (impersonator instanceof Map<?, ?> map && map.get("username") != null) {
            username = String.valueOf(map.get("username"));
        }
        return Optional.ofNullable(username).filter(u -> !u.startsWith("service-account-"));
    }
}
