package com.stadium.quota.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A TCP link between the adapter and the test stack's SMTP server. Cutting it makes SMTP unreachable for the
 * adapter only (connections are refused), while the shared server keeps running for everyone else.
 */
public final class SmtpLink implements AutoCloseable {

    private final int smtpPort;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "smtp-link");
        t.setDaemon(true);
        return t;
    });
    private volatile ServerSocket server;

    public SmtpLink(int smtpPort) {
        this.smtpPort = smtpPort;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        restore();
    }

    /** Where the adapter sends mail. */
    public int port() {
        return port;
    }

    /** SMTP goes down: open connections drop, new ones are refused. */
    public synchronized void cut() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing is all we want
        }
        sockets.forEach(SmtpLink::closeQuietly);
        sockets.clear();
    }

    /** SMTP is back. */
    public synchronized void restore() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server = socket;
            threads.execute(() -> accept(socket));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket smtp = new Socket(InetAddress.getLoopbackAddress(), smtpPort);
                sockets.add(client);
                sockets.add(smtp);
                threads.execute(() -> pipe(client, smtp));
                threads.execute(() -> pipe(smtp, client));
            } catch (IOException closed) {
                // cut() closed the socket: stop accepting
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException dropped) {
            // either side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
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
        cut();
        threads.shutdownNow();
    }
}
