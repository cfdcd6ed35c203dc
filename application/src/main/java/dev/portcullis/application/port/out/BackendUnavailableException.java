package dev.portcullis.application.port.out;

/**
 * A store or cache could not answer (down, timed out). A failure, not an answer: it must never be
 * read as "not found" or "invalid"; the edge turns it into 503 {@code temporarily_unavailable}.
 */
public class BackendUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BackendUnavailableException(String backend, Throwable cause) {
        super(backend + " is unavailable", cause);
    }
}
