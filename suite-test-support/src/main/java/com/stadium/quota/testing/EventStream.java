package com.stadium.quota.testing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Reads a server-sent event stream as a browser's EventSource (or the app's fetch) would, in the background: each
 * event is kept in {@link #events} and handed to the listener as it arrives. A stream opens once its first line came.
 */
public final class EventStream implements AutoCloseable {

    public record Event(String id, String name, String data) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public final int status;
    public final String location;
    public final List<Event> events = new CopyOnWriteArrayList<>();
    private final HttpResponse<java.io.InputStream> response;
    private final CountDownLatch opened = new CountDownLatch(1);
    private final Consumer<Event> listener;

    private EventStream(HttpResponse<java.io.InputStream> response, Consumer<Event> listener) {
        this.response = response;
        this.listener = listener;
        this.status = response.statusCode();
        this.location = response.headers().firstValue("Location").orElse(null);
        if (status == 200) {
            Thread reader = new Thread(this::read, "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
        }
    }

    public static EventStream open(String url, Map<String, String> headers) throws Exception {
        return open(url, headers, event -> { });
    }

    /** Opens the stream with these request headers; a status other than 200 is kept, with no events. */
    public static EventStream open(String url, Map<String, String> headers, Consumer<Event> listener)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/event-stream");
        headers.forEach((name, value) -> {
            if (!value.isEmpty()) {
                request.header(name, value);
            }
        });
        EventStream client = new EventStream(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()),
                listener);
        if (client.status == 200 && !client.opened.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the stream sent nothing after opening");
        }
        return client;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            String name = "message";
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = lines.readLine()) != null) {
                opened.countDown();
                if (line.startsWith(":")) {
                    continue;
                }
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        Event event = new Event(id, name, data.toString());
                        events.add(event);
                        listener.accept(event);
                    }
                    id = null;
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).trim());
                }
            }
        } catch (java.io.IOException closed) {
            // the test closed the stream
        }
    }

    /** Whether an event about this quota arrived (its quotaId, not its parentId). */
    public boolean about(String quotaId) {
        return events.stream().anyMatch(e -> e.data().contains("\"quotaId\":\"" + quotaId + "\""));
    }

    @Override
    public void close() throws java.io.IOException {
        response.body().close();
    }
}
