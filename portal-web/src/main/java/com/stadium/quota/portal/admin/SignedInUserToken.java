package com.stadium.quota.portal.admin;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import io.quarkus.oidc.AccessTokenCredential;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Calls the services as the person signed in to the portal, with their own Keycloak access token, so each
 * service applies its own authorization to them (the portal never calls with more rights than its user).
 */
@ApplicationScoped
public class SignedInUserToken implements ClientHeadersFactory {

    @Inject
    AccessTokenCredential accessToken;

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle("Authorization", "Bearer " + accessToken.getToken());
        return headers;
    }
}
