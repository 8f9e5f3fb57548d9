package com.stadium.quota.web;

import java.util.List;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.arc.ArcUndeclaredThrowableException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Turns refusals into responses, so no input a user can type or upload ends in a 500. */
public class Refusals {

    private static final Logger LOG = Logger.getLogger(Refusals.class);

    /** The response body of every refusal. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Problem(String title, int status, List<Violation> violations, Object current) {

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
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new Problem(title, status.getStatusCode(), e.violations(), e.current())).build();
    }

    @ServerExceptionMapper
    public Response unavailable(Unavailable e) {
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
            return problem(Response.Status.SERVICE_UNAVAILABLE, "Try again later", List.of(Violation.of("database",
                    "cannot be reached right now; try again in a moment")));
        }
        LOG.error("request failed", e);
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
