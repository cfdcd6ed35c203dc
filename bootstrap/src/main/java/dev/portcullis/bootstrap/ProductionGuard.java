package dev.portcullis.bootstrap;

import dev.portcullis.application.port.out.ClientRepository;
import dev.portcullis.application.port.out.SecretHasher;
import dev.portcullis.application.port.out.UserRepository;
import dev.portcullis.bootstrap.config.ConfigKey;
import dev.portcullis.bootstrap.config.ConfigurationException;
import dev.portcullis.bootstrap.config.Profile;
import dev.portcullis.bootstrap.config.Settings;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.key.SigningAlgorithm;
import dev.portcullis.domain.user.User;
import java.security.MessageDigest;
import java.util.Optional;

/** Refuses to start a non-dev profile with anything the dev profile makes public, or leaves open to the caller. */
final class ProductionGuard {

    static final int MIN_HS256_KEY_BYTES = 32;

    private ProductionGuard() {
    }

    static void checkSettings(Settings settings) {
        Optional<byte[]> key = settings.signing().hs256Key();
        key.filter(k -> k.length < MIN_HS256_KEY_BYTES).ifPresent(k -> {
            throw new ConfigurationException(ConfigKey.SIGNING_HS256_KEY.key() + " has " + k.length * 8
                    + " bits; HS256 needs at least 256");
        });
        if (settings.profile() == Profile.DEV) {
            return;
        }
        if (settings.issuer().isEmpty() && settings.allowedIssuers().isEmpty()) {
            // from Host alone, the caller would pick the issuer that tokens are minted under and discovery names
            throw new ConfigurationException("profile " + settings.profile() + " refuses to derive the issuer from any Host: set "
                    + ConfigKey.ISSUER.key() + " (" + ConfigKey.ISSUER.environmentVariable() + ") or "
                    + ConfigKey.ALLOWED_ISSUERS.key() + " (" + ConfigKey.ALLOWED_ISSUERS.environmentVariable() + ")");
        }
        if (settings.signing().algorithm() == SigningAlgorithm.HS256
                && key.filter(k -> MessageDigest.isEqual(k, DevProfile.DEV_HS256_KEY)).isPresent()) {
            throw new ConfigurationException("profile " + settings.profile() + " refuses the dev HS256 key");
        }
    }

    static void checkStore(Settings settings, ClientRepository clients, SecretHasher hasher) {
        if (settings.profile() == Profile.DEV) {
            return;
        }
        for (ClientId id : DevProfile.DEV_CONFIDENTIAL_CLIENTS) {
            boolean devSecret = clients.findById(id).flatMap(Client::secretHash)
                    .filter(hash -> hasher.matches(DevProfile.DEV_CLIENT_SECRET, hash)).isPresent();
            if (devSecret) {
                throw new ConfigurationException("profile " + settings.profile() + " refuses to start: the dev client '"
                        + id + "' with the dev secret exists in the store; delete it or rotate its secret");
            }
        }
    }

    /** @param passwords the password hasher: the check costs one slow hash when the user exists */
    static void checkUsers(Settings settings, UserRepository users, SecretHasher passwords) {
        if (settings.profile() == Profile.DEV) {
            return;
        }
        boolean devPassword = users.findByUsername(DevProfile.DEV_USERNAME).map(User::passwordHash)
                .filter(hash -> passwords.matches(DevProfile.DEV_PASSWORD, hash)).isPresent();
        if (devPassword) {
            throw new ConfigurationException("profile " + settings.profile() + " refuses to start: the user '"
                    + DevProfile.DEV_USERNAME + "' has the dev password; change it or delete the user");
        }
    }
}
