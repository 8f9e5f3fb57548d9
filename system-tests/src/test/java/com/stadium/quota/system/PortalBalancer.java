package com.stadium.quota.system;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;

/**
 * A load balancer without sticky sessions in front of the two portal instances, played by one person's browser
 * (issue 20, item 4): the browser only ever addresses the portal's public address ({@link RunningSuite#PORTAL_URL},
 * the first instance), and the test says which of the next requests the second instance answers instead (handed to
 * the browser as the public address's answer, so a page's CSP keeps its 'self'; a live stream is only connected
 * elsewhere). As a real balancer, it tells the second instance the public address it was asked for
 * ({@code X-Forwarded-Host}), so both build the same sign-in addresses. A redirect the browser follows by itself goes where it points (the public
 * address: the first instance). Every portal answer is noted with the instance that gave it (its
 * {@code X-Portal-Instance} header), so a test can say where each step ran.
 */
final class PortalBalancer {

    /** The header each portal instance of the system tests puts on every answer: 1 or 2. */
    static final String INSTANCE_HEADER = "X-Portal-Instance";

    /** What the journey notes: pages, htmx's requests and live streams (not style sheets, scripts, images). */
    private static final Set<String> NOTED = Set.of("document", "xhr", "fetch", "eventsource");

    private static final String PUBLIC = RunningSuite.PORTAL_URL;
    private static final String SECOND = "http://127.0.0.1:"
            + (RunningSuite.Service.PORTAL.port + SecondInstances.PORT_OFFSET);

    /** A rule for the next requests of a method and path: where they go, or that they wait. */
    private record Rule(String method, Pattern path, int instance, int[] left) {
        boolean matches(Request request) {
            return left[0] > 0 && request.method().equals(method) && path.matcher(pathOf(request.url())).matches();
        }
    }

    /** A request kept waiting, as a balancer would hold a connection while it has no instance to give it. */
    static final class Held {
        private volatile Route route;

        boolean arrived() {
            return route != null;
        }

        /** The waiting request's header as the browser set it (lower case name), e.g. last-event-id. */
        String header(String name) {
            String value = route.request().headers().get(name);
            return value != null ? value : route.request().headerValue(name);
        }

        /** Lets the request go on to the instance (1 or 2). */
        void release(int instance) {
            PortalBalancer.send(route, instance);
        }
    }

    private final List<Rule> rules = new ArrayList<>();
    private final List<Held> holds = new ArrayList<>();
    private final List<String> journey = new ArrayList<>();

    private PortalBalancer(BrowserContext person) {
        person.route(PUBLIC + "/**", this::route);
        person.onResponse(this::note);
    }

    /** A balancer for this person's browser; until told otherwise the first instance answers everything. */
    static PortalBalancer in(BrowserContext person) {
        return new PortalBalancer(person);
    }

    /** The next {@code count} requests of this method whose path (no query) matches go to the instance (1 or 2). */
    PortalBalancer next(String method, String pathRegex, int instance, int count) {
        synchronized (rules) {
            rules.add(new Rule(method, Pattern.compile(pathRegex), instance, new int[] {count}));
        }
        return this;
    }

    /** The next request of this method and path goes to the instance (1 or 2). */
    PortalBalancer next(String method, String pathRegex, int instance) {
        return next(method, pathRegex, instance, 1);
    }

    /** The next request of this method and path waits until the test releases it. */
    Held hold(String method, String pathRegex) {
        Held held = new Held();
        synchronized (rules) {
            rules.add(new Rule(method, Pattern.compile(pathRegex), 0, new int[] {1}));
            holds.add(held);
        }
        return held;
    }

    /** What the portal answered so far, one line per answer: "GET /admin 302 by 2". */
    List<String> journey() {
        synchronized (journey) {
            return List.copyOf(journey);
        }
    }

    /** Forgets the answers noted so far (the next step's journey starts empty). */
    void forget() {
        synchronized (journey) {
            journey.clear();
        }
    }

    private void route(Route route) {
        int instance = 1;
        synchronized (rules) {
            for (Rule rule : rules) {
                if (rule.matches(route.request())) {
                    rule.left()[0]--;
                    if (rule.instance() == 0) {
                        holds.stream().filter(h -> !h.arrived()).findFirst().orElseThrow().route = route;
                        return; // stays pending until released
                    }
                    instance = rule.instance();
                    break;
                }
            }
        }
        send(route, instance);
    }

    private static void send(Route route, int instance) {
        if (instance != 2) {
            route.resume();
            return;
        }
        // the second instance is told the public address the browser asked for
        Map<String, String> headers = new HashMap<>(route.request().headers());
        headers.put("x-forwarded-host", URI.create(PUBLIC).getAuthority());
        String url = SECOND + route.request().url().substring(PUBLIC.length());
        if ("eventsource".equals(route.request().resourceType())) {
            // a stream goes on as it comes (only its connection is sent elsewhere)
            route.resume(new Route.ResumeOptions().setUrl(url).setHeaders(headers));
        } else {
            // a page is fetched and handed over as the public address's answer (its CSP's 'self'), redirects as such
            route.fulfill(new Route.FulfillOptions().setResponse(route.fetch(new Route.FetchOptions().setUrl(url)
                    .setHeaders(headers).setMaxRedirects(0))));
        }
    }

    private void note(Response response) {
        // a request sent on to the second instance answers under its own address
        boolean portal = response.url().startsWith(PUBLIC) || response.url().startsWith(SECOND);
        if (!portal || !NOTED.contains(response.request().resourceType())) {
            return;
        }
        String by = response.headers().getOrDefault(INSTANCE_HEADER.toLowerCase(), "?");
        synchronized (journey) {
            journey.add(response.request().method() + " " + named(response.url()) + " " + response.status() + " by "
                    + by);
        }
    }

    private static String pathOf(String url) {
        String path = URI.create(url).getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }

    /** The path as the journey names it: ids as {id}, a deeplink's token as {link} (it lands in reports). */
    private static String named(String url) {
        return pathOf(url).replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}")
                .replaceAll("^/invitation/(?!authorize$)[^/]+$", "/invitation/{link}");
    }
}
