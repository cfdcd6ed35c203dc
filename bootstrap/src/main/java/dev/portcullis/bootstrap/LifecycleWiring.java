package dev.portcullis.bootstrap;

import dev.portcullis.adapters.http.TokenLifecycle;
import dev.portcullis.adapters.jose.JoseKeyGenerator;
import dev.portcullis.adapters.jose.JoseTokenSigner;
import dev.portcullis.application.port.in.AuthenticateBearer;
import dev.portcullis.application.port.in.RotateSigningKey;
import dev.portcullis.application.port.out.TokenVerifier;
import dev.portcullis.application.service.ClientAuthenticator;
import dev.portcullis.application.service.IntrospectTokenService;
import dev.portcullis.application.service.KeyRotationSettings;
import dev.portcullis.application.service.RevokeTokenService;
import dev.portcullis.application.service.RotateSigningKeyService;
import dev.portcullis.application.service.TokenSettings;
import dev.portcullis.bootstrap.config.Settings;
import java.time.Clock;

/** Wires revocation, introspection and key rotation: for the server, and key rotation alone for the CLI. */
final class LifecycleWiring {

    private LifecycleWiring() {
    }

    /**
     * @param keysChanged called after this node rotated a key, so that its own views of the key store
     *                    (JWKS, signer) show the change at once rather than at their next refresh
     */
    static TokenLifecycle tokenLifecycle(Settings settings, Clock clock, Storage storage, ClientAuthenticator clients,
            TokenVerifier verifier, AuthenticateBearer bearers, Runnable keysChanged) {
        TokenSettings tokens = new TokenSettings(settings.tokens().accessTokenTtl(), settings.tokens().audience());
        RotateSigningKey rotation = keyRotation(settings, clock, storage);
        RotateSigningKey rotationSeenAtOnce = () -> {
            RotateSigningKey.KeyRotation result = rotation.rotate();
            keysChanged.run();
            return result;
        };
        return new TokenLifecycle(
                new RevokeTokenService(clients, verifier, storage.revocations(), storage.refreshTokens(), clock, tokens,
                        settings.tokens().clockSkew()),
                new IntrospectTokenService(clients, bearers, verifier, storage.revocations(), storage.refreshTokens(), clock,
                        settings.lifecycle().introspectionScope(), settings.lifecycle().introspectionPolicy()),
                rotationSeenAtOnce,
                settings.lifecycle().introspectionScope(),
                settings.lifecycle().adminScope());
    }

    /**
     * Retiring keys stay published for the longest token lifetime after the new key activates, plus the
     * verifiers' clock skew and the time another node may take to notice the new key.
     */
    static RotateSigningKey keyRotation(Settings settings, Clock clock, Storage storage) {
        return new RotateSigningKeyService(storage.keys(), new JoseKeyGenerator(clock), storage.clients(), clock,
                new KeyRotationSettings(settings.signing().algorithm(), settings.lifecycle().keyActivationDelay(),
                        settings.tokens().accessTokenTtl(),
                        settings.tokens().clockSkew().plus(JoseTokenSigner.DEFAULT_REFRESH_INTERVAL)));
    }
}
