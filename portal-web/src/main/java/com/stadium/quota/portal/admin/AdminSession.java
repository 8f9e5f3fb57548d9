package com.stadium.quota.portal.admin;

import java.util.Optional;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.stadium.quota.portal.web.Club;
import com.stadium.quota.portal.web.Formats;
import com.stadium.quota.portal.web.Languages;

import io.quarkus.oidc.IdToken;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** The admin signed in for this request, in their language; every admin page is rendered through {@link #page}. */
@RequestScoped
public class AdminSession {

    public static final String MASQUERADE_ROLE = "quota-masquerade";

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    SecurityIdentity identity;

    @Inject
    Club club;

    @Inject
    HttpServerRequest request;

    /** What a page shows of the signed-in admin, and whether it offers "act as this holder". */
    public record Admin(String name, String username, boolean mayMasquerade) {
    }

    public Admin admin() {
        return new Admin(Optional.ofNullable(idToken.<String>getClaim("name")).orElse(identity.getPrincipal().getName()),
                identity.getPrincipal().getName(), identity.hasRole(MASQUERADE_ROLE));
    }

    public Formats formats() {
        return new Formats(club.timeZone(), Languages.fromHeader(request.getHeader("Accept-Language")));
    }

    /** A page in the admin's language. */
    public TemplateInstance page(TemplateInstance page) {
        return page.setLocale(formats().locale());
    }
}
