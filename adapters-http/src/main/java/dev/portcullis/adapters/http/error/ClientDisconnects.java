package dev.portcullis.adapters.http.error;

import io.helidon.common.buffers.DataReader;
import io.helidon.webserver.ServerConnectionException;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;

/**
 * Whether a failure is the client hanging up: the connection ended before its request was read in full (Helidon's
 * {@code InsufficientDataAvailableException}), or was reset or closed while the answer was written. Routine on the
 * internet, so a DEBUG line at most, never a stack trace (a hundred aborted connections once wrote ~2,900 lines).
 */
public final class ClientDisconnects {

    private ClientDisconnects() {
    }

    public static boolean isDisconnect(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 16; cause = cause.getCause(), depth++) {
            if (cause instanceof DataReader.InsufficientDataAvailableException
                    || cause instanceof ServerConnectionException
                    || cause instanceof SocketException
                    || cause instanceof ClosedChannelException
                    || cause instanceof EOFException
                    || cause instanceof IOException io && resetOrBrokenPipe(io)) {
                return true;
            }
        }
        return false;
    }

    /** NIO reports a peer's reset or a write to a closed peer as a plain IOException. */
    private static boolean resetOrBrokenPipe(IOException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("broken pipe") || message.contains("connection reset");
    }
}
