package dev.portcullis.application.port.out;

/** Asks one backend (a database, a cache) whether it answers right now. */
public interface BackendProbe {

    /** e.g. {@code mongo} or {@code redis} */
    String backend();

    /** Where it is, for operators: a host and port, never credentials. */
    String address();

    /** Returns when the backend answered; throws {@link BackendUnavailableException} otherwise. */
    void ping();

    /** Whether the node can serve without this backend. */
    Criticality criticality();

    enum Criticality {
        /** Without it the node cannot serve: readiness goes DOWN. */
        REQUIRED,
        /** Without it some operations refuse (e.g. revocation answers 503) but the rest serves: readiness is DEGRADED. */
        DEGRADING
    }
}
