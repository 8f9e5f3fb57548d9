package com.stadium.quota.system;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.stadium.quota.testing.TestStack;

/**
 * The mail server as the packaged notification-adapter sees it in the system tests: the test stack's GreenMail, which
 * accepts every recipient, behind a relay that refuses every address at {@link #REFUSED_DOMAIN} the way a real server
 * refuses an unknown mailbox ({@code 550 5.1.1} to RCPT TO). Everything else passes through unchanged, so a test can
 * make one invitation bounce while every other mail arrives.
 */
final class RefusingSmtp implements AutoCloseable {

    /** Mail to any address here bounces. */
    static final String REFUSED_DOMAIN = "refused.example";

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "refusing-smtp");
        t.setDaemon(true);
        return t;
    });

    RefusingSmtp() {
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads.execute(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket smtp = new Socket(InetAddress.getLoopbackAddress(), TestStack.SMTP_PORT);
                OutputStream toClient = client.getOutputStream();
                threads.execute(() -> answers(smtp, client, toClient));
                threads.execute(() -> commands(client, smtp, toClient));
            } catch (IOException closed) {
                // close() ended the server socket: stop accepting
            }
        }
    }

    /** The server's answers go back as they are; the lock keeps them apart from a refusal written meanwhile. */
    private static void answers(Socket smtp, Socket client, OutputStream toClient) {
        byte[] buffer = new byte[8192];
        try (InputStream in = smtp.getInputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                synchronized (toClient) {
                    toClient.write(buffer, 0, n);
                    toClient.flush();
                }
            }
        } catch (IOException dropped) {
            // either side went away
        } finally {
            closeQuietly(client);
            closeQuietly(smtp);
        }
    }

    /** The client's lines go to the server, except a RCPT TO for the refused domain, which is answered with 550. */
    private static void commands(Socket client, Socket smtp, OutputStream toClient) {
        try (InputStream in = new BufferedInputStream(client.getInputStream());
                OutputStream toServer = smtp.getOutputStream()) {
            boolean inData = false;
            for (byte[] line = line(in); line != null; line = line(in)) {
                String raw = new String(line, StandardCharsets.ISO_8859_1);
                String text = raw.trim();
                String command = text.toUpperCase(Locale.ROOT);
                if (!inData && command.startsWith("RCPT TO:")
                        && command.contains("@" + REFUSED_DOMAIN.toUpperCase(Locale.ROOT) + ">")) {
                    synchronized (toClient) {
                        toClient.write(("550 5.1.1 " + text.substring(8).trim() + ": mailbox unavailable\r\n")
                                .getBytes(StandardCharsets.ISO_8859_1));
                        toClient.flush();
                    }
                    continue;
                }
                toServer.write(line);
                toServer.flush();
                inData = inData ? !(raw.equals(".\r\n") || raw.equals(".\n")) : command.equals("DATA");
            }
        } catch (IOException dropped) {
            // either side went away
        } finally {
            closeQuietly(client);
            closeQuietly(smtp);
        }
    }

    /** One line with its line break, byte for byte; null at the end of the stream. */
    private static byte[] line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            line.write(b);
            if (b == '\n') {
                return line.toByteArray();
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing is all we want
        }
        threads.shutdownNow();
    }
}
