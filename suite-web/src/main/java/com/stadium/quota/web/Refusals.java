package com.stadium.quota.web;

import java.util.List;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import com.stadium.quota.edge.CorrelationIds;

import io.quarkus.arc.ArcUndeclaredThrowableException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Turns refusals into responses, so no input a user can type or upload ends in a 500. */
public class Refusals {

    private static final Logger LOG = Logger.getLogger(Refusals.class);

    /**
     * The response body of every refusal; {@code reference} is the request's correlation id, the one its log lines
     * carry, for a caller to quote.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Problem(String title, int status, List<Violation> violations, Object current, String reference) {

        public Problem(String title, int status, List<Violation> violations, Object current) {
            this(title, status, violations, current, CorrelationIds.current());
        }

        public Problem(String title, int status, List<Violation> violations) {
            this(title, status, violations, null);
        }
    }

    @ServerExceptionMapper
    public Response invalid(InvalidInput e) {
        Response.Status status = switch (e.kind()) {
            case INVALID -> Response.Status.BAD_REQUEST;
            case FORBIDDEN -> Response.Status.FORBIDDEN;
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case CONFLICT -> Response.Status.CONFLICT;
        };
        String title = switch (e.kind()) {
            case INVALID -> "Invalid input";
            case FORBIDDEN -> "Not allowed";
            case NOT_FOUND -> "Not found";
            case CONFLICT -> "Conflict";
        };
        if (e.kind() == InvalidInput.Kind.FORBIDDEN) {
            refused(403, e.violations().toString());
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new Problem(title, status.getStatusCode(), e.violations(), e.current())).build();
    }

    /** A signed-in caller without the role an operation needs (Quarkus' own refusal, otherwise an empty 403). */
    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        refused(403, "the caller lacks the role this operation needs");
        return problem(Response.Status.FORBIDDEN, "Not allowed", List.of());
    }

    /**
     * Logs a refused security decision once, with the request's correlation id (in the MDC) and the reason, never a
     * token; the refusal's body carries the same id as "reference".
     */
    public static void refused(int status, String reason) {
        LOG.warnf("refused (%d): %s", status, reason);
    }

    /** A client over a rate limit ({@link RateLimited}): 429, Retry-After, and when to try again in the body. */
    @ServerExceptionMapper
    public Response tooMany(RateLimits.TooManyRequests e) {
        long seconds = e.retryAfterSeconds();
        refused(429, "over the rate limit for this client address; retry after " + seconds + " s");
        return Response.status(429).header("Retry-After", seconds).type(MediaType.APPLICATION_JSON)
                .entity(new Problem("Too many requests", 429, List.of(Violation.of("request",
                        "too many from this address; try again in " + seconds + " s")))).build();
    }

    @ServerExceptionMapper
    public Response unavailable(Unavailable e) {
        LOG.warnf("answered 503: %s does not answer (%s)", e.service(), e.getCause() == null ? e.getMessage()
                : e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage());
        return problem(Response.Status.SERVICE_UNAVAILABLE, "Try again later", List.of(Violation.of(e.service(),
                "does not answer right now; nothing was changed")));
    }

    /**
     * The service's own database cannot be reached (restarting, down): 503, the client may try again; any other
     * database failure stays the 500 it is.
     */
    @ServerExceptionMapper
    public Response database(PersistenceException e) {
        return unreachableDatabaseOr500(e);
    }

    /** A commit that failed reaches here wrapped (the transaction's RollbackException is a checked exception). */
    @ServerExceptionMapper
    public Response undeclared(ArcUndeclaredThrowableException e) {
        return unreachableDatabaseOr500(e);
    }

    private static Response unreachableDatabaseOr500(RuntimeException e) {
        if (ConnectionLoss.isConnectionLoss(e)) {
            LOG.warnf("answered 503: the database cannot be reached (%s)", e.getMessage());
            return problem(Response.Status.SERVICE_UNAVAILABLE, "Try again later", List.of(Violation.of("database",
                    "cannot be reached right now; try again in a moment")));
        }
        return failed(e);
    }

    /** Anything else no mapper expects: one log line with the stack trace and the reference, and a 500 saying it. */
    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        return failed(e);
    }

    private static Response failed(RuntimeException e) {
        LOG.error("answered 500: request failed", e);
        return problem(Response.Status.INTERNAL_SERVER_ERROR, "Internal error", List.of());
    }

    /** A body that is not JSON. */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        String where = e.getLocation() == null ? "body"
                : "body (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return problem(Response.Status.BAD_REQUEST, "Unreadable body",
                List.of(Violation.of(where, e.getOriginalMessage())));
    }

    /** JSON with a value of the wrong type (a word where a date belongs): named by its path in the body. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
        String expected = e.getTargetType() == null ? "" : ": expected " + e.getTargetType().getSimpleName();
        String reason = TextWithoutNul.REASON.equals(e.getOriginalMessage()) ? TextWithoutNul.REASON
                : "has the wrong type" + expected;
        return problem(Response.Status.BAD_REQUEST, "Invalid input",
                List.of(Violation.of(field.isEmpty() ? "body" : field, reason)));
    }

    /** Quarkus reports a body that is not JSON as a bare 400; give it the reason like every other refusal. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getResponse().getStatus() == 400 && e.getCause() instanceof MismatchedInputException mismatched) {
            return mismatched(mismatched);
        }
        if (e.getResponse().getStatus() == 400 && e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadable(unreadable);
        }
        return e.getResponse();
    }

    private static Response problem(Response.Status status, String title, List<Violation> violations) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new Problem(title, status.getStatusCode(), violations)).build();
    }
}
