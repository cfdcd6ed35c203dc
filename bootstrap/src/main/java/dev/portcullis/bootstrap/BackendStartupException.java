package dev.portcullis.bootstrap;

/** A configured backend did not answer at start: the node must not come up half-wired. */
final class BackendStartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BackendStartupException(String backend, String address, Throwable cause) {
        super(backend + " at " + address + " is not answering", cause);
    }
}
