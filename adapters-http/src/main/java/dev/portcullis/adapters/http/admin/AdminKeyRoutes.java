package dev.portcullis.adapters.http.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.adapters.http.issuer.IssuerResolver;
import dev.portcullis.adapters.http.error.ErrorResponse;
import dev.portcullis.adapters.http.protocol.Json;
import dev.portcullis.adapters.http.protocol.Paths;
import dev.portcullis.adapters.http.error.MethodNotAllowed;
import dev.portcullis.application.port.in.AuthenticateBearer;
import dev.portcullis.application.port.in.ListSigningKeys;
import dev.portcullis.application.port.in.RotateSigningKey;
import dev.portcullis.application.port.in.RotateSigningKey.KeyRotation;
import dev.portcullis.application.port.in.SigningKeySummary;
import dev.portcullis.application.port.out.AuditTrail;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.AccessTokenClaims;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /admin/keys/rotate}: rotates the shared signing key, for a bearer token of this issuer that
 * carries the admin scope (refused as at every protected resource, RFC 6750). Answers 200 with the new
 * key and the keys it retires ({@code kid}, {@code alg}, dates as ISO-8601, {@code status}); 409 when the
 * configured algorithm's keys are not rotated by the server (HS256). No body is read.
 */
public final class AdminKeyRoutes implements HttpService {

    private static final System.Logger LOG = System.getLogger(AdminKeyRoutes.class.getName());

    private final RotateSigningKey rotateSigningKey;
    private final Optional<ListSigningKeys> listSigningKeys;
    private final AdminGate gate;
    private final AuditTrail audit;

    /** Without the admin API (and so without its audit trail): key rotation alone. */
    public AdminKeyRoutes(RotateSigningKey rotateSigningKey, AuthenticateBearer authenticateBearer, IssuerResolver issuers,
            ScopeSet adminScope) {
        this(rotateSigningKey, Optional.empty(), new AdminGate(authenticateBearer, issuers, adminScope), AuditTrail.none());
    }

    /** Also serves {@code GET /admin/keys}; a rotation is audited ({@code admin.key.rotated}), as the CLI's is. */
    public AdminKeyRoutes(RotateSigningKey rotateSigningKey, ListSigningKeys listSigningKeys, AdminGate gate, AuditTrail audit) {
        this(rotateSigningKey, Optional.of(listSigningKeys), gate, audit);
    }

    private AdminKeyRoutes(RotateSigningKey rotateSigningKey, Optional<ListSigningKeys> listSigningKeys, AdminGate gate,
            AuditTrail audit) {
        this.rotateSigningKey = Objects.requireNonNull(rotateSigningKey, "rotateSigningKey");
        this.listSigningKeys = Objects.requireNonNull(listSigningKeys, "listSigningKeys");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post(Paths.ADMIN_KEYS_ROTATE, this::rotate)
                .any(Paths.ADMIN_KEYS_ROTATE, MethodNotAllowed.allowing(Method.POST));
        listSigningKeys.ifPresent(list -> rules.get(Paths.ADMIN_KEYS, (req, res) -> list(list, req, res))
                .any(Paths.ADMIN_KEYS, MethodNotAllowed.allowing(Method.GET)));
    }

    private void list(ListSigningKeys keys, ServerRequest req, ServerResponse res) {
        if (gate.admit(req, res).isEmpty()) {
            return;
        }
        ObjectNode body = Json.object();
        var array = body.putArray("keys");
        keys.list().forEach(k -> array.add(describe(k)));
        Json.send(res, Status.OK_200, body);
    }

    private void rotate(ServerRequest req, ServerResponse res) {
        Optional<AccessTokenClaims> admitted = gate.admit(req, res);
        if (admitted.isEmpty()) {
            return;
        }
        AccessTokenClaims admin = admitted.get();
        switch (rotateSigningKey.rotate()) {
            case KeyRotation.Rotated rotated -> {
                LOG.log(Level.WARNING, "signing key rotated by {0} (client {1}): new key {2} signs from {3}",
                        admin.subject(), admin.clientId(), rotated.created().id(), rotated.created().activatesAt());
                audit.record(AuditTrail.Event.of("admin.key.rotated", "actor", admin.subject(),
                        "actor_client_id", admin.clientId().value(), "kid", rotated.created().id().value()));
                ObjectNode body = Json.object();
                body.set("created", describe(rotated.created()));
                rotated.retiring().forEach(k -> body.withArray("retiring").add(describe(k)));
                if (rotated.retiring().isEmpty()) {
                    body.putArray("retiring");
                }
                Json.send(res, Status.OK_200, body);
            }
            case KeyRotation.NotRotatable refused -> {
                LOG.log(Level.WARNING, "key rotation refused: {0}", refused.reason());
                ErrorResponse.of(Status.CONFLICT_409, OAuthError.INVALID_REQUEST,
                        "keys of the configured signing algorithm are not rotated by the server").send(res);
            }
        }
    }

    static ObjectNode describe(SigningKeySummary key) {
        ObjectNode node = Json.object();
        node.put("kid", key.id().value());
        node.put("alg", key.algorithm().name());
        node.put("status", key.status().name().toLowerCase(java.util.Locale.ROOT));
        node.put("created_at", key.createdAt().toString());
        node.put("activates_at", key.activatesAt().toString());
        key.retiresAt().ifPresent(r -> node.put("retires_at", r.toString()));
        return node;
    }
}
