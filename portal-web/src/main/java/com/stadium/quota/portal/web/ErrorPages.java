package com.stadium.quota.portal.web;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * What a person sees when a page cannot be shown: a service that does not answer is a "try again in a minute" page
 * (503), something that is not theirs or does not exist a plain "not found" (404); never a stack trace or raw JSON.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @Inject
    Club club;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance unavailable(Club club);

        static native TemplateInstance notFound(Club club);

        static native TemplateInstance forbidden(Club club);
    }

    /** A service that does not answer at all (refused connection, timeout). */
    @ServerExceptionMapper
    public Response unreachable(ProcessingException e, HttpHeaders headers) {
        LOG.warnf("a service does not answer: %s", e.getMessage());
        return page(503, Templates.unavailable(club), headers);
    }

    /** A service's answer the page did not expect; the page handles the refusals it expects itself. */
    @ServerExceptionMapper
    public Response answered(ClientWebApplicationException e, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status == 404) {
            return page(404, Templates.notFound(club), headers);
        }
        if (status == 401 || status == 403) {
            return page(403, Templates.forbidden(club), headers);
        }
        LOG.warnf("a service answered %d: %s", status, e.getMessage());
        return page(503, Templates.unavailable(club), headers);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpHeaders headers) {
        return page(404, Templates.notFound(club), headers);
    }

    private static Response page(int status, TemplateInstance page, HttpHeaders headers) {
        String html = page.setLocale(Languages.pick(headers.getAcceptableLanguages())).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }
}
