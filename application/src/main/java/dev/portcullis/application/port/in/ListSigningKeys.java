package dev.portcullis.application.port.in;

import java.util.List;

/** Operators' use case: the signing keys in the shared store and where each stands now, without key material. */
public interface ListSigningKeys {

    /** Ordered by activation, oldest first. */
    List<SigningKeySummary> list();
}
