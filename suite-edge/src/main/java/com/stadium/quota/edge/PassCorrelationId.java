package com.stadium.quota.edge;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** Every REST client call made while serving a request carries that request's id to the service called. */
@Provider
public class PassCorrelationId implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext call) {
        String id = CorrelationIds.current();
        if (id != null && !call.getHeaders().containsKey(CorrelationIds.HEADER)) {
            call.getHeaders().putSingle(CorrelationIds.HEADER, id);
        }
    }
}
