package dev.portcullis.bootstrap;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client's redirect endpoint, as a native app runs one (RFC 8252 §7.3): a tiny HTTP server on
 * 127.0.0.1 and a port the OS picks. It records every request it gets and answers a small page.
 */
final class CallbackServer implements AutoCloseable {

    static final String PAGE = "<!DOCTYPE html><html><head><title>Callback received</title></head>"
            + "<body><p id=\"done\">You may close this window.</p></body></html>";

    private final HttpServer server;
    private final BlockingQueue<URI> received = new LinkedBlockingQueue<>();

    private CallbackServer(HttpServer server) {
        this.server = server;
    }

    static CallbackServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            CallbackServer callback = new CallbackServer(server);
            server.createContext("/", exchange -> {
                callback.received.add(exchange.getRequestURI());
                byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return callback;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>/callback}: matches the dev client spa's registered loopback URI. */
    String redirectUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/callback";
    }

    /** The next request that arrived, as its request-target (path and query); fails after 10 s. */
    URI next() {
        try {
            URI uri = received.poll(10, TimeUnit.SECONDS);
            if (uri == null) {
                throw new AssertionError("nothing arrived at the callback within 10 s");
            }
            return uri;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    boolean nothingReceived() {
        return received.isEmpty();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
