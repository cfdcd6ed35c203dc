package dev.portcullis.adapters.http.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.adapters.http.protocol.Json;
import dev.portcullis.adapters.http.protocol.Paths;
import dev.portcullis.adapters.http.error.MethodNotAllowed;
import dev.portcullis.application.port.in.admin.AdminResult;
import dev.portcullis.application.port.in.admin.ClientChanges;
import dev.portcullis.application.port.in.admin.ClientSpec;
import dev.portcullis.application.port.in.admin.RegisteredClient;
import dev.portcullis.application.port.out.AuditTrail;
import dev.portcullis.domain.client.AuthMethod;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.AccessTokenClaims;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /admin/clients}: register (the server generates the secret and shows it once, in the 201), list,
 * read, replace (PUT), change (PATCH), rotate the secret ({@code POST /admin/clients/{id}/secret}) and delete.
 * Bodies are JSON objects with the fields of {@link #CLIENT_FIELDS}; unknown fields are refused (400), so that a
 * typo never passes silently. The secret hash is never shown.
 */
public final class AdminClientRoutes implements HttpService {

    static final Set<String> CLIENT_FIELDS = Set.of("client_id", "client_type", "token_endpoint_auth_methods",
            "grant_types", "scope", "default_scope", "audience", "access_token_ttl", "redirect_uris");

    private final AdminUseCases admin;
    private final AdminGate gate;

    public AdminClientRoutes(AdminUseCases admin, AdminGate gate) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.gate = Objects.requireNonNull(gate, "gate");
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post(Paths.ADMIN_CLIENTS, this::register)
                .get(Paths.ADMIN_CLIENTS, this::list)
                .any(Paths.ADMIN_CLIENTS, MethodNotAllowed.allowing(Method.GET, Method.POST))
                .post(Paths.ADMIN_CLIENT_SECRET, this::rotateSecret)
                .any(Paths.ADMIN_CLIENT_SECRET, MethodNotAllowed.allowing(Method.POST))
                .get(Paths.ADMIN_CLIENT, this::read)
                .put(Paths.ADMIN_CLIENT, this::replace)
                .patch(Paths.ADMIN_CLIENT, this::change)
                .delete(Paths.ADMIN_CLIENT, this::delete)
                .any(Paths.ADMIN_CLIENT, MethodNotAllowed.allowing(Method.GET, Method.PUT, Method.PATCH, Method.DELETE));
    }

    private void register(ServerRequest req, ServerResponse res) {
        Optional<AccessTokenClaims> caller = gate.admit(req, res);
        if (caller.isEmpty()) {
            return;
        }
        Optional<ObjectNode> body = AdminJson.readObject(req, res, CLIENT_FIELDS);
        if (body.isEmpty()) {
            return;
        }
        ClientSpec spec;
        try {
            ClientId id = clientId(AdminJson.string(body.get(), "client_id")
                    .orElseThrow(() -> new AdminJson.BadField("client_id is required")));
            spec = spec(id, body.get());
        } catch (AdminJson.BadField e) {
            AdminJson.error(res, Status.BAD_REQUEST_400, "invalid_request", e.getMessage());
            return;
        }
        switch (admin.registerClient().register(spec)) {
            case AdminResult.Rejected<RegisteredClient> r -> AdminJson.rejected(res, r);
            case AdminResult.Done<RegisteredClient> done -> {
                audit(caller.get(), "admin.client.created", done.value().client().id());
                res.header(HeaderNames.LOCATION, location(done.value().client().id()));
                Json.send(res, Status.CREATED_201, withSecret(done.value()));
            }
        }
    }

    private void list(ServerRequest req, ServerResponse res) {
        if (gate.admit(req, res).isEmpty()) {
            return;
        }
        ObjectNode body = Json.object();
        ArrayNode clients = body.putArray("clients");
        admin.listClients().list().forEach(c -> clients.add(describe(c)));
        Json.send(res, Status.OK_200, body);
    }

    private void read(ServerRequest req, ServerResponse res) {
        if (gate.admit(req, res).isEmpty()) {
            return;
        }
        Optional<ClientId> id = pathId(req, res);
        if (id.isEmpty()) {
            return;
        }
        admin.listClients().find(id.get()).ifPresentOrElse(
                c -> Json.send(res, Status.OK_200, describe(c)),
                () -> AdminJson.error(res, Status.NOT_FOUND_404, "not_found", "no such client"));
    }

    private void replace(ServerRequest req, ServerResponse res) {
        update(req, res, true);
    }

    private void change(ServerRequest req, ServerResponse res) {
        update(req, res, false);
    }

    private void update(ServerRequest req, ServerResponse res, boolean replace) {
        Optional<AccessTokenClaims> caller = gate.admit(req, res);
        if (caller.isEmpty()) {
            return;
        }
        Optional<ClientId> id = pathId(req, res);
        if (id.isEmpty()) {
            return;
        }
        Optional<ObjectNode> body = AdminJson.readObject(req, res, CLIENT_FIELDS);
        if (body.isEmpty()) {
            return;
        }
        AdminResult<Client> result;
        try {
            Optional<String> bodyId = AdminJson.string(body.get(), "client_id");
            if (bodyId.isPresent() && !bodyId.get().equals(id.get().value())) {
                throw new AdminJson.BadField("client_id cannot change");
            }
            if (replace) {
                result = admin.updateClient().replace(id.get(), spec(id.get(), body.get()));
            } else {
                if (body.get().has("client_type")) {
                    throw new AdminJson.BadField("client_type cannot change: delete the client and register it again");
                }
                result = admin.updateClient().change(id.get(), changes(body.get()));
            }
        } catch (AdminJson.BadField e) {
            AdminJson.error(res, Status.BAD_REQUEST_400, "invalid_request", e.getMessage());
            return;
        }
        switch (result) {
            case AdminResult.Rejected<Client> r -> AdminJson.rejected(res, r);
            case AdminResult.Done<Client> done -> {
                audit(caller.get(), "admin.client.updated", id.get());
                Json.send(res, Status.OK_200, describe(done.value()));
            }
        }
    }

    private void rotateSecret(ServerRequest req, ServerResponse res) {
        Optional<AccessTokenClaims> caller = gate.admit(req, res);
        if (caller.isEmpty()) {
            return;
        }
        Optional<ClientId> id = pathId(req, res);
        if (id.isEmpty()) {
            return;
        }
        switch (admin.rotateClientSecret().rotate(id.get())) {
            case AdminResult.Rejected<RegisteredClient> r -> AdminJson.rejected(res, r);
            case AdminResult.Done<RegisteredClient> done -> {
                audit(caller.get(), "admin.client.secret_rotated", id.get());
                Json.send(res, Status.OK_200, withSecret(done.value()));
            }
        }
    }

    private void delete(ServerRequest req, ServerResponse res) {
        Optional<AccessTokenClaims> caller = gate.admit(req, res);
        if (caller.isEmpty()) {
            return;
        }
        Optional<ClientId> id = pathId(req, res);
        if (id.isEmpty()) {
            return;
        }
        switch (admin.deleteClient().delete(id.get())) {
            case AdminResult.Rejected<ClientId> r -> AdminJson.rejected(res, r);
            case AdminResult.Done<ClientId> done -> {
                audit(caller.get(), "admin.client.deleted", id.get());
                res.status(Status.NO_CONTENT_204);
                res.send();
            }
        }
    }

    private void audit(AccessTokenClaims caller, String type, ClientId client) {
        admin.audit().record(AuditTrail.Event.of(type, "actor", caller.subject(), "actor_client_id", caller.clientId().value(),
                "client_id", client.value()));
    }

    private static Optional<ClientId> pathId(ServerRequest req, ServerResponse res) {
        String raw = req.path().pathParameters().get("id");
        if (!ClientId.isValid(raw)) {
            AdminJson.error(res, Status.NOT_FOUND_404, "not_found", "no such client");
            return Optional.empty();
        }
        return Optional.of(new ClientId(raw));
    }

    private static String location(ClientId id) {
        return Paths.ADMIN_CLIENTS + "/" + URLEncoder.encode(id.value(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static ClientId clientId(String value) {
        if (!ClientId.isValid(value)) {
            throw new AdminJson.BadField("client_id must be 1 to " + ClientId.MAX_LENGTH + " printable ASCII characters");
        }
        return new ClientId(value);
    }

    /** A full spec from the body: absent fields take the defaults of a new client. */
    private static ClientSpec spec(ClientId id, ObjectNode body) {
        ClientSpec.Kind kind = AdminJson.string(body, "client_type").map(AdminClientRoutes::kind).orElse(ClientSpec.Kind.CONFIDENTIAL);
        ClientChanges c = changes(body);
        ScopeSet allowed = c.allowedScopes().orElse(ScopeSet.empty());
        return new ClientSpec(id, kind, c.authMethods().orElse(Set.of()), c.grantTypes().orElse(Set.of()),
                allowed, ClientSpec.defaultScopes(c.defaultScopes(), allowed),
                c.audience().orElse(List.of()), c.accessTokenTtl(), c.redirectUris().orElse(List.of()));
    }

    private static ClientChanges changes(ObjectNode body) {
        Optional<Set<AuthMethod>> methods = AdminJson.strings(body, "token_endpoint_auth_methods")
                .map(v -> enumSet(AdminJson.each(v, "token_endpoint_auth_methods", AdminClientRoutes::authMethod),
                        AuthMethod.class));
        Optional<Set<GrantType>> grants = AdminJson.strings(body, "grant_types")
                .map(v -> enumSet(AdminJson.each(v, "grant_types", AdminClientRoutes::grantType), GrantType.class));
        return new ClientChanges(methods, grants,
                AdminJson.string(body, "scope").map(s -> scopes(s, "scope")),
                AdminJson.string(body, "default_scope").map(s -> scopes(s, "default_scope")),
                AdminJson.strings(body, "audience"),
                AdminJson.positiveInteger(body, "access_token_ttl").map(Duration::ofSeconds),
                AdminJson.strings(body, "redirect_uris").map(v -> AdminJson.each(v, "redirect_uris", AdminClientRoutes::uri)));
    }

    /** Only parsed here: which URIs are allowed is the domain's RedirectUriPolicy, applied by the use case. */
    private static URI uri(String value) {
        try {
            return new URI(value);
        } catch (java.net.URISyntaxException e) {
            // the parser's message quotes the value
            throw new IllegalArgumentException("not a valid URI");
        }
    }

    private static AuthMethod authMethod(String wire) {
        return AuthMethod.fromWire(wire).orElseThrow(() -> new IllegalArgumentException("unknown method"));
    }

    private static GrantType grantType(String wire) {
        return GrantType.fromWire(wire).orElseThrow(() -> new IllegalArgumentException("unknown grant type"));
    }

    private static <E extends Enum<E>> Set<E> enumSet(List<E> values, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        set.addAll(values);
        return set;
    }

    private static ScopeSet scopes(String wire, String field) {
        if (wire.isEmpty()) {
            return ScopeSet.empty();
        }
        return ScopeSet.parse(wire).orElseThrow(() -> new AdminJson.BadField(field + " must be space-separated scope tokens"));
    }

    private static ClientSpec.Kind kind(String value) {
        return switch (value) {
            case "confidential" -> ClientSpec.Kind.CONFIDENTIAL;
            case "public" -> ClientSpec.Kind.PUBLIC;
            default -> throw new AdminJson.BadField("client_type must be confidential or public");
        };
    }

    private static ObjectNode withSecret(RegisteredClient registered) {
        ObjectNode body = describe(registered.client());
        registered.secret().ifPresent(s -> body.put("client_secret", s));
        return body;
    }

    static ObjectNode describe(Client client) {
        ObjectNode node = Json.object();
        node.put("client_id", client.id().value());
        node.put("client_type", client.isPublic() ? "public" : "confidential");
        ArrayNode methods = node.putArray("token_endpoint_auth_methods");
        client.authMethods().stream().map(AuthMethod::wire).sorted().forEach(methods::add);
        ArrayNode grants = node.putArray("grant_types");
        client.grantTypes().stream().map(GrantType::wire).sorted().forEach(grants::add);
        node.put("scope", client.allowedScopes().wire());
        node.put("default_scope", client.defaultScopes().wire());
        ArrayNode audience = node.putArray("audience");
        client.audience().forEach(audience::add);
        client.accessTokenTtl().ifPresent(ttl -> node.put("access_token_ttl", ttl.toSeconds()));
        ArrayNode uris = node.putArray("redirect_uris");
        client.redirectUris().forEach(u -> uris.add(u.toString()));
        return node;
    }
}
