package dev.portcullis.bootstrap;

import dev.portcullis.adapters.jose.JoseKeyGenerator;
import dev.portcullis.adapters.jose.JwkSetFile;
import dev.portcullis.application.port.out.KeyStore;
import dev.portcullis.bootstrap.config.ConfigKey;
import dev.portcullis.bootstrap.config.ConfigurationException;
import dev.portcullis.bootstrap.config.Settings;
import dev.portcullis.domain.key.SigningAlgorithm;
import dev.portcullis.domain.key.SigningKey;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes sure the key store holds a key that can sign with the configured algorithm: keys from the
 * configured JWK Set file, the configured HS256 key, or else a generated one. Nodes sharing a store
 * reuse the key the first of them put there.
 */
final class SigningKeys {

    private static final Logger LOG = System.getLogger(SigningKeys.class.getName());

    private SigningKeys() {
    }

    static void provision(Settings.Signing signing, byte[] devHs256Key, KeyStore keys, Clock clock) {
        Instant now = clock.instant();
        JoseKeyGenerator generator = new JoseKeyGenerator(clock);
        if (signing.jwksFile().isPresent()) {
            List<SigningKey> loaded = load(signing);
            Set<String> stored = keys.findAll().stream().map(k -> k.id().value()).collect(Collectors.toSet());
            loaded.stream().filter(k -> !stored.contains(k.id().value())).forEach(keys::save);
        } else if (signing.algorithm() == SigningAlgorithm.HS256) {
            byte[] secret = signing.hs256Key().orElse(devHs256Key);
            if (keys.findAll().stream().noneMatch(k -> holds(k, secret))) {
                keys.save(generator.hs256(secret, now));
            }
        }
        Instant checkedAt = clock.instant();
        boolean canSign = keys.findAll().stream()
                .filter(k -> k.canSignAt(checkedAt))
                .reduce((older, newer) -> newer)
                .filter(newest -> newest.algorithm() == signing.algorithm())
                .isPresent();
        if (!canSign) {
            if (signing.jwksFile().isPresent()) {
                throw new ConfigurationException(ConfigKey.SIGNING_JWKS_FILE.key() + " holds no active "
                        + signing.algorithm() + " key");
            }
            keys.save(generator.generate(signing.algorithm(), now));
            LOG.log(Level.INFO, "generated a new {0} signing key", signing.algorithm());
        }
    }

    /** HS256 kids are random, so a restarted node recognises the configured key by its material. */
    private static boolean holds(SigningKey key, byte[] secret) {
        String encoded = "\"k\":\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret) + "\"";
        return key.algorithm() == SigningAlgorithm.HS256 && key.privateJwk().contains(encoded);
    }

    private static List<SigningKey> load(Settings.Signing signing) {
        try {
            return JwkSetFile.load(signing.jwksFile().orElseThrow(), Instant.EPOCH);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(ConfigKey.SIGNING_JWKS_FILE.key() + ": " + e.getMessage(), e);
        }
    }
}
