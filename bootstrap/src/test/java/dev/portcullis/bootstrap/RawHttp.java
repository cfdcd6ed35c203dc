package dev.portcullis.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket, for requests the JDK HttpClient refuses to send (bad request
 * lines, CR/LF in headers, invalid escapes, raw bytes). Reads one response: by Content-Length,
 * chunked, or to end of stream.
 */
final class RawHttp {

    /** A parsed response; {@code status} 0 when the server closed the connection without one. */
    record Response(int status, List<String[]> headers, byte[] body) {
        Optional<String> header(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst();
        }

        List<String> all(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).toList();
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * One exchange on a connection: the first response, then whatever the server sent after it until
     * it closed the connection ({@code closed}) or {@code wait} passed without it doing so.
     */
    record Exchange(Response response, byte[] after, boolean closed) {
        String afterText() {
            return new String(after, StandardCharsets.ISO_8859_1);
        }
    }

    private RawHttp() {
    }

    /** Sends {@code request}, reads one response, then reads on until the server closes or {@code waitMillis} pass. */
    static Exchange exchange(int port, byte[] request, int waitMillis) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            write(socket, request);
            InputStream in = socket.getInputStream();
            Response response = read(in);
            socket.setSoTimeout(waitMillis);
            ByteArrayOutputStream after = new ByteArrayOutputStream();
            boolean closed;
            try {
                byte[] buffer = new byte[4096];
                for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                    after.write(buffer, 0, n);
                }
                closed = true;
            } catch (SocketTimeoutException e) {
                closed = false;
            } catch (SocketException e) {
                closed = true; // reset: closed as well
            }
            return new Exchange(response, after.toByteArray(), closed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code request} whole, unless the server answers and closes before reading it to its end. */
    private static void write(Socket socket, byte[] request) throws IOException {
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        try {
            out.write(request);
            out.flush();
        } catch (SocketException e) {
            // the server may answer and close before reading a huge request to its end
        }
    }

    static Response send(int port, byte[] request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            write(socket, request);
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        String statusLine;
        try {
            statusLine = line(in);
        } catch (SocketException | SocketTimeoutException e) {
            return new Response(0, List.of(), new byte[0]);
        }
        if (statusLine == null || statusLine.isEmpty()) {
            return new Response(0, List.of(), new byte[0]);
        }
        String[] parts = statusLine.split(" ", 3);
        int status = Integer.parseInt(parts[1]);
        List<String[]> headers = new ArrayList<>();
        if (status / 100 == 1) { // an interim answer (100 Continue): skip it, the final one follows
            for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                // interim headers are not kept
            }
            return read(in);
        }
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.add(new String[] {header.substring(0, colon).strip(), header.substring(colon + 1).strip()});
        }
        Optional<String> length = headers.stream().filter(h -> h[0].equalsIgnoreCase("content-length")).map(h -> h[1]).findFirst();
        boolean chunked = headers.stream().anyMatch(h -> h[0].equalsIgnoreCase("transfer-encoding")
                && h[1].toLowerCase(Locale.ROOT).contains("chunked"));
        byte[] body;
        if (length.isPresent()) {
            body = in.readNBytes(Integer.parseInt(length.get()));
        } else if (chunked) {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).strip(), 16); size > 0; size = Integer.parseInt(line(in).strip(), 16)) {
                all.write(in.readNBytes(size));
                line(in);
            }
            body = all.toByteArray();
        } else if (status == 204 || status == 304 || status / 100 == 1) {
            body = new byte[0];
        } else {
            try {
                body = in.readAllBytes();
            } catch (SocketException | SocketTimeoutException e) {
                body = new byte[0];
            }
        }
        return new Response(status, headers, body);
    }

    /** One CRLF- (or LF-) terminated line in ISO-8859-1; null at end of stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = buffer.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            buffer.write(b);
        }
        return buffer.size() == 0 ? null : buffer.toString(StandardCharsets.ISO_8859_1);
    }
}
