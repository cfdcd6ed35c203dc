package dev.portcullis.adapters.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import dev.portcullis.domain.key.KeyId;
import dev.portcullis.domain.key.SigningAlgorithm;
import dev.portcullis.domain.key.SigningKey;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.text.ParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Signing keys provided by the operator as a JWK Set file (RFC 7517 §5), for deployments that
 * manage keys outside Portcullis. Each key must hold its private part (or be an {@code oct}
 * secret of at least 256 bits for HS256) and name or imply one of ES256, RS256, EdDSA, HS256.
 *
 * <p>Lifecycle, from the optional JWK members {@code iat}, {@code nbf}, {@code exp} (seconds since
 * the epoch): a key without {@code nbf} signs from {@code defaultActivation}; with {@code exp}
 * it retires then. When several keys are active, the one with the latest {@code nbf} signs
 * (ties: the smallest kid); the others still verify and are published.
 *
 * <p>{@code kid}: taken from the file; an asymmetric key without one gets its RFC 7638
 * thumbprint. An {@code oct} key must carry its own kid, because a thumbprint would put a
 * hash of the secret into every token header.
 */
public final class JwkSetFile {

    private static final System.Logger LOG = System.getLogger(JwkSetFile.class.getName());

    /** Keys are small; anything bigger is not the file we think it is. */
    private static final long MAX_FILE_BYTES = 1024 * 1024;

    private JwkSetFile() {}

    /**
     * @throws IllegalArgumentException naming the file, and the key when one is at fault, if the
     *     file cannot be read or any key in it is unfit; messages never contain key material
     */
    public static List<SigningKey> load(Path file, Instant defaultActivation) {
        String json = read(file);
        List<Object> entries = keysArray(file, json);
        List<SigningKey> keys = new ArrayList<>(entries.size());
        Set<String> kids = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            SigningKey key = signingKey(file, i, entries.get(i), defaultActivation);
            if (!kids.add(key.id().value())) {
                throw new IllegalArgumentException(where(file, i, key.id().value()) + ": the kid appears twice");
            }
            keys.add(key);
        }
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("JWK set file " + file + " holds no keys");
        }
        warnIfReadableByOthers(file);
        return List.copyOf(keys);
    }

    private static String read(Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new IllegalArgumentException("JWK set file " + file + " is larger than " + MAX_FILE_BYTES + " bytes");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read JWK set file " + file + ": " + e, e);
        }
    }

    private static List<Object> keysArray(Path file, String json) {
        Map<String, Object> document;
        try {
            document = JSONObjectUtils.parse(json);
        } catch (ParseException e) {
            throw new IllegalArgumentException("JWK set file " + file + " is not a JSON object: " + e.getMessage());
        }
        if (!(document.get("keys") instanceof List<?> keys)) {
            throw new IllegalArgumentException("JWK set file " + file + " has no \"keys\" array (RFC 7517 §5)");
        }
        return List.copyOf(keys);
    }

    private static SigningKey signingKey(Path file, int index, Object entry, Instant defaultActivation) {
        String kidForMessages = entry instanceof Map<?, ?> m && m.get("kid") instanceof String s ? s : null;
        try {
            if (!(entry instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("not a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> members = (Map<String, Object>) entry;
            JWK jwk = JWK.parse(members);
            SigningAlgorithm algorithm = JwkRules.algorithmOf(jwk);
            JwkRules.requireSigningKey(jwk, algorithm);
            String kid = jwk.getKeyID() != null ? jwk.getKeyID() : thumbprint(jwk);
            KeyId id;
            try {
                id = new KeyId(kid);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the kid must be 1 to 128 visible ASCII characters");
            }
            Instant activatesAt = optional(jwk.getNotBeforeTime()).orElse(
                    later(defaultActivation, optional(jwk.getIssueTime()).orElse(defaultActivation)));
            Instant createdAt = optional(jwk.getIssueTime()).orElse(activatesAt);
            if (createdAt.isAfter(activatesAt)) {
                throw new IllegalArgumentException("iat is after nbf");
            }
            Optional<Instant> retiresAt = optional(jwk.getExpirationTime());
            if (retiresAt.filter(r -> !r.isAfter(activatesAt)).isPresent()) {
                throw new IllegalArgumentException("exp is not after the key activates (" + activatesAt + ")");
            }
            return new SigningKey(id, algorithm, normalised(jwk, kid, algorithm).toJSONString(), createdAt,
                    activatesAt, retiresAt);
        } catch (ParseException e) {
            throw new IllegalArgumentException(where(file, index, kidForMessages) + ": not a valid JWK: " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where(file, index, kidForMessages) + ": " + e.getMessage());
        }
    }

    private static String thumbprint(JWK jwk) {
        if (jwk instanceof OctetSequenceKey) {
            throw new IllegalArgumentException("an oct (HS256) key needs its own kid");
        }
        try {
            return jwk.computeThumbprint().toString();
        } catch (JOSEException e) {
            throw new IllegalArgumentException("cannot compute the key's thumbprint: " + e.getMessage());
        }
    }

    /** The key with its kid, alg and use written in, so the stored JWK says what it is for. */
    private static JWK normalised(JWK jwk, String kid, SigningAlgorithm algorithm) {
        JWSAlgorithm alg = JWSAlgorithm.parse(algorithm.name());
        return switch (jwk) {
            case ECKey ec -> new ECKey.Builder(ec).keyID(kid).algorithm(alg).keyUse(KeyUse.SIGNATURE).build();
            case RSAKey rsa -> new RSAKey.Builder(rsa).keyID(kid).algorithm(alg).keyUse(KeyUse.SIGNATURE).build();
            case OctetKeyPair okp -> new OctetKeyPair.Builder(okp).keyID(kid).algorithm(alg).keyUse(KeyUse.SIGNATURE).build();
            case OctetSequenceKey oct -> new OctetSequenceKey.Builder(oct).keyID(kid).algorithm(alg)
                    .keyUse(KeyUse.SIGNATURE).build();
            default -> throw new IllegalArgumentException("key type " + jwk.getKeyType() + " is not supported");
        };
    }

    private static String where(Path file, int index, String kid) {
        return "JWK set file " + file + ", key #" + (index + 1) + (kid == null ? "" : " (kid " + printable(kid) + ")");
    }

    /** Kids come from the file: keep control characters out of log lines. */
    private static String printable(String kid) {
        String cut = kid.length() > 128 ? kid.substring(0, 128) + "…" : kid;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    private static Optional<Instant> optional(Date date) {
        return Optional.ofNullable(date).map(Date::toInstant);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** Private keys in a file others can read are a finding in any audit: say so, but do not refuse. */
    private static void warnIfReadableByOthers(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                LOG.log(Level.WARNING, "JWK set file {0} holds private keys and is readable by group or others; "
                        + "chmod 600 it", file);
            }
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: nothing to check.
        }
    }
}
