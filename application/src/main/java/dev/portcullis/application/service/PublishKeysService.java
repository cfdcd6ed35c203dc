package dev.portcullis.application.service;

import dev.portcullis.application.port.in.PublishKeys;
import dev.portcullis.application.port.out.PublicKeys;

/** Serves the published public keys. */
public final class PublishKeysService implements PublishKeys {

    private final PublicKeys keys;

    public PublishKeysService(PublicKeys keys) {
        this.keys = keys;
    }

    @Override
    public String jwkSetJson() {
        return keys.jwkSetJson();
    }
}
