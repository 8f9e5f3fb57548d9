package com.stadium.quota.portal.web;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.stadium.quota.edge.CorrelationIds;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * What a person sees when a page cannot be shown: a service that does not answer is a "try again in a minute" page
 * (503), something that is not theirs or does not exist a plain "not found" (404); never a stack trace or raw JSON.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);
    // what quarkus-rest-csrf puts on a request whose token it checked
    static final String CSRF_VERIFIED = "csrf_token_verified";

    @Inject
    Club club;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance unavailable(Club club, String reference);

        static native TemplateInstance notFound(Club club);

        static native TemplateInstance forbidden(Club club, String reference);

        static native TemplateInstance formExpired(Club club, String reference);

        static native TemplateInstance formUnreadable(Club club, String reference);
    }

    /** A service that does not answer at all (refused connection, timeout). */
    @ServerExceptionMapper
    public Response unreachable(ProcessingException e, HttpHeaders headers) {
        LOG.warnf("answered 503: a service does not answer (%s)", e.getMessage());
        return page(503, Templates.unavailable(club, CorrelationIds.current()), headers);
    }

    /** A service's answer the page did not expect; the page handles the refusals it expects itself. */
    @ServerExceptionMapper
    public Response answered(ClientWebApplicationException e, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status == 404) {
            return page(404, Templates.notFound(club), headers);
        }
        if (status == 401 || status == 403) {
            LOG.warnf("refused (403): a service answered %d to %s", status, e.getMessage());
            return page(403, Templates.forbidden(club, CorrelationIds.current()), headers);
        }
        LOG.warnf("answered 503: a service answered %d (%s)", status, e.getMessage());
        return page(503, Templates.unavailable(club, CorrelationIds.current()), headers);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpHeaders headers) {
        return page(404, Templates.notFound(club), headers);
    }

    /**
     * A form body Quarkus REST cannot decode (a {@code %} that escapes nothing; no browser sends one) fails before any
     * page code runs, as an IllegalArgumentException: a 400 page that marks the form, not a 500. Any other such
     * exception is a fault of the portal and stays a 500, logged with its stack trace.
     */
    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException e, HttpHeaders headers) {
        if (e.getMessage() != null && e.getMessage().startsWith("Failed to decode URL")) {
            LOG.warn("refused (400): a form that is not urlencoded"); // its values stay out of the log
            return page(400, Templates.formUnreadable(club, CorrelationIds.current()), headers);
        }
        LOG.error("answered 500", e);
        return page(500, Templates.unavailable(club, CorrelationIds.current()), headers);
    }

    /**
     * quarkus-rest-csrf refuses a form without a valid token with an empty 400 before any page code runs (it marks
     * the requests it let through): log the refusal once and say what to do, with the reference.
     */
    @ServerResponseFilter
    public void csrfRefused(ContainerRequestContext request, ContainerResponseContext response, RoutingContext http) {
        if (response.getStatus() == 400 && !response.hasEntity() && "POST".equals(request.getMethod())
                && http.get(CSRF_VERIFIED) == null) {
            LOG.warnf("refused (400): POST %s without a valid CSRF token", request.getUriInfo().getPath());
            response.setEntity(Templates.formExpired(club, CorrelationIds.current())
                    .setLocale(Languages.pick(request.getAcceptableLanguages())).render(), null,
                    MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }

    private static Response page(int status, TemplateInstance page, HttpHeaders headers) {
        String html = page.setLocale(Languages.pick(headers.getAcceptableLanguages())).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }
}
