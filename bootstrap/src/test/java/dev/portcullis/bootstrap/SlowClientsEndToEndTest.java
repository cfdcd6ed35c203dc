package dev.portcullis.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Slow clients (slowloris): sockets that never send a request, or trickle a request line, headers or a body and
 * stop, are closed by the configured timeouts, and fresh clients are served meanwhile and after. The timeouts
 * are set to a second here so that the test stays short; the bounds it waits are generous.
 */
class SlowClientsEndToEndTest {

    private static final int PER_KIND = 50;
    private static final int GENEROUS_MILLIS = 15_000;

    private static final String[] HALF_SENT = {
        "", // a silent socket
        "POST /tok", // half a request line
        "POST /token HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n", // half the headers
        "POST /token HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 100\r\n\r\ngrant_type", // half a body
    };

    @Test
    void twoHundredSlowSocketsAreClosedAndFreshRequestsAreServedMeanwhile() throws Exception {
        try (RunningServer portcullis = RunningServer.start("SERVER_IDLE_TIMEOUT", "1s", "SERVER_REQUEST_HEADER_TIMEOUT", "1s",
                "SERVER_REQUEST_BODY_TIMEOUT", "1s")) {
            List<Socket> slow = new ArrayList<>();
            try {
                for (String half : HALF_SENT) {
                    for (int i = 0; i < PER_KIND; i++) {
                        slow.add(send(portcullis.server.port(), half));
                    }
                }
                assertThat(portcullis.get("/jwks").statusCode()).as("served while %d slow sockets are open", slow.size())
                        .isEqualTo(200);

                long deadline = System.currentTimeMillis() + GENEROUS_MILLIS;
                for (int i = 0; i < slow.size(); i++) {
                    assertThat(closedBy(slow.get(i), deadline)).as("slow socket %d (%s) closed by the server", i,
                            kind(i)).isTrue();
                }
                assertThat(portcullis.get("/jwks").statusCode()).as("served after").isEqualTo(200);
                assertThat(RunningServer.json(portcullis.postForm("/token",
                        "grant_type=client_credentials&client_id=myapp&client_secret=secret")).has("access_token")).isTrue();
            } finally {
                for (Socket socket : slow) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void beyondTheConnectionCapAClientWaitsUntilAnIdleConnectionIsClosed() throws Exception {
        try (RunningServer portcullis = RunningServer.start("SERVER_MAX_CONNECTIONS", "20", "SERVER_IDLE_TIMEOUT", "2s")) {
            List<Socket> idle = new ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) {
                    idle.add(send(portcullis.server.port(), ""));
                }
                try (Socket fresh = send(portcullis.server.port(),
                        "GET /jwks HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")) {
                    InputStream in = fresh.getInputStream();
                    fresh.setSoTimeout(500);
                    boolean answeredAtOnce;
                    try {
                        answeredAtOnce = in.read() != -1;
                    } catch (SocketTimeoutException e) {
                        answeredAtOnce = false;
                    }
                    assertThat(answeredAtOnce).as("the 21st connection is not served while 20 are open").isFalse();

                    fresh.setSoTimeout(GENEROUS_MILLIS);
                    String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                    assertThat(answer).as("served once the idle ones were closed").startsWith("HTTP/1.1 200");
                }
            } finally {
                for (Socket socket : idle) {
                    socket.close();
                }
            }
        }
    }

    private static String kind(int index) {
        return new String[] {"silent", "half a request line", "half the headers", "half a body"}[index / PER_KIND];
    }

    private static Socket send(int port, String bytes) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        OutputStream out = socket.getOutputStream();
        out.write(bytes.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        return socket;
    }

    /** True when the server closed the socket (end of stream or reset) before {@code deadline}. */
    private static boolean closedBy(Socket socket, long deadline) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            while (true) {
                socket.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
                if (in.read() == -1) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true;
        }
    }
}
