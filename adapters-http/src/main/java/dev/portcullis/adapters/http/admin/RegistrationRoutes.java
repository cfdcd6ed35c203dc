package dev.portcullis.adapters.http.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portcullis.adapters.http.bearer.BearerRefusals;
import dev.portcullis.adapters.http.bearer.BearerToken;
import dev.portcullis.adapters.http.protocol.CacheHeaders;
import dev.portcullis.adapters.http.protocol.Challenges;
import dev.portcullis.adapters.http.error.ErrorResponse;
import dev.portcullis.adapters.http.protocol.Json;
import dev.portcullis.adapters.http.protocol.Paths;
import dev.portcullis.adapters.http.error.MethodNotAllowed;
import dev.portcullis.application.port.in.admin.AdminResult;
import dev.portcullis.application.port.in.admin.DynamicRegistration;
import dev.portcullis.application.port.in.admin.RegisterDynamicClient;
import dev.portcullis.application.port.in.admin.RegisteredClient;
import dev.portcullis.application.port.out.AuditTrail;
import dev.portcullis.domain.client.AuthMethod;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.scope.ScopeSet;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code POST /register}: dynamic client registration (RFC 7591), served only when configured, behind an initial
 * access token (RFC 7591 §3: {@code Authorization: Bearer <token>}, compared in constant time). Reads
 * {@code redirect_uris}, {@code token_endpoint_auth_method} (default {@code client_secret_basic}),
 * {@code grant_types} (default {@code authorization_code}), {@code response_types} ({@code code} only) and
 * {@code scope}; other metadata (client_name, logo_uri, …) is ignored, as §2 allows. Answers 201 with the
 * assigned {@code client_id}, the {@code client_secret} for a confidential client (shown once), and the metadata
 * as registered; 400 {@code invalid_client_metadata} or {@code invalid_redirect_uri} (RFC 7591 §3.2.2) otherwise:
 * a redirect URI the server's rule refuses ({@code javascript:}, {@code http} off loopback, …), a grant type the
 * operator did not allow for registered clients (the password grant by default, RFC 9700 §2.4), a reserved scope.
 */
public final class RegistrationRoutes implements HttpService {

    private final RegisterDynamicClient register;
    private final byte[] initialAccessToken;
    private final AuditTrail audit;
    private final Clock clock;

    public RegistrationRoutes(RegisterDynamicClient register, String initialAccessToken, AuditTrail audit, Clock clock) {
        this.register = Objects.requireNonNull(register, "register");
        this.initialAccessToken = initialAccessToken.getBytes(StandardCharsets.UTF_8);
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (this.initialAccessToken.length == 0) {
            throw new IllegalArgumentException("registration needs an initial access token");
        }
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post(Paths.REGISTER, this::register)
                .any(Paths.REGISTER, MethodNotAllowed.allowing(Method.POST));
    }

    private void register(ServerRequest req, ServerResponse res) {
        CacheHeaders.noStore(res);
        switch (BearerToken.parse(req.headers().all(HeaderNames.AUTHORIZATION, List::of))) {
            case BearerToken.Present present when MessageDigest.isEqual(
                    present.token().getBytes(StandardCharsets.UTF_8), initialAccessToken) -> {
                // admitted
            }
            case BearerToken.Present wrong -> {
                ErrorResponse.of(Status.UNAUTHORIZED_401, "invalid_token", "the initial access token is not valid")
                        .challenge(Challenges.bearer(Map.of("error", "invalid_token")))
                        .send(res);
                return;
            }
            default -> {
                BearerRefusals.unauthenticated(res);
                return;
            }
        }
        java.util.Optional<ObjectNode> body = AdminJson.readAny(req, res);
        if (body.isEmpty()) {
            return;
        }
        DynamicRegistration registration;
        try {
            registration = registration(body.get());
        } catch (InvalidMetadata e) {
            AdminJson.error(res, Status.BAD_REQUEST_400, e.error, e.getMessage());
            return;
        } catch (AdminJson.BadField e) {
            AdminJson.error(res, Status.BAD_REQUEST_400, "invalid_client_metadata", e.getMessage());
            return;
        }
        switch (register.register(registration)) {
            case AdminResult.Rejected<RegisteredClient> r -> AdminJson.error(res, Status.BAD_REQUEST_400,
                    r.rejection() == AdminResult.Rejection.INVALID_REDIRECT_URI ? "invalid_redirect_uri" : "invalid_client_metadata",
                    r.message());
            case AdminResult.Done<RegisteredClient> done -> {
                Client client = done.value().client();
                audit.record(AuditTrail.Event.of("admin.client.registered", "client_id", client.id().value()));
                ObjectNode answer = Json.object();
                answer.put("client_id", client.id().value());
                answer.put("client_id_issued_at", clock.instant().getEpochSecond());
                done.value().secret().ifPresent(secret -> {
                    answer.put("client_secret", secret);
                    answer.put("client_secret_expires_at", 0);
                });
                answer.put("token_endpoint_auth_method", client.authMethods().iterator().next().wire());
                ArrayNode grants = answer.putArray("grant_types");
                client.grantTypes().stream().map(GrantType::wire).sorted().forEach(grants::add);
                ArrayNode uris = answer.putArray("redirect_uris");
                client.redirectUris().forEach(u -> uris.add(u.toString()));
                if (client.grantTypes().contains(GrantType.AUTHORIZATION_CODE)) {
                    answer.putArray("response_types").add("code");
                }
                answer.put("scope", client.allowedScopes().wire());
                Json.send(res, Status.CREATED_201, answer);
            }
        }
    }

    private static final class InvalidMetadata extends RuntimeException {
        private final String error;

        InvalidMetadata(String error, String message) {
            super(message, null, false, false);
            this.error = error;
        }
    }

    private static DynamicRegistration registration(ObjectNode body) {
        AuthMethod method = AdminJson.string(body, "token_endpoint_auth_method")
                .map(w -> AuthMethod.fromWire(w).orElseThrow(() -> new InvalidMetadata("invalid_client_metadata",
                        "token_endpoint_auth_method must be client_secret_basic, client_secret_post or none")))
                .orElse(AuthMethod.CLIENT_SECRET_BASIC);
        Set<GrantType> grants = EnumSet.noneOf(GrantType.class);
        for (String wire : AdminJson.strings(body, "grant_types").orElse(List.of("authorization_code"))) {
            grants.add(GrantType.fromWire(wire).orElseThrow(() -> new InvalidMetadata("invalid_client_metadata",
                    "grant_types: unsupported grant type")));
        }
        for (String type : AdminJson.strings(body, "response_types").orElse(List.of())) {
            if (!type.equals("code")) {
                throw new InvalidMetadata("invalid_client_metadata", "response_types: only code is supported");
            }
        }
        List<URI> uris = new java.util.ArrayList<>();
        for (String uri : AdminJson.strings(body, "redirect_uris").orElse(List.of())) {
            // only parsed here: which URIs are allowed is the domain's RedirectUriPolicy, applied by the use case
            try {
                uris.add(URI.create(uri));
            } catch (IllegalArgumentException e) {
                throw new InvalidMetadata("invalid_redirect_uri", "redirect_uris must be valid absolute URIs");
            }
        }
        if (grants.contains(GrantType.AUTHORIZATION_CODE) && uris.isEmpty()) {
            throw new InvalidMetadata("invalid_redirect_uri", "authorization_code needs at least one redirect URI");
        }
        ScopeSet scope = AdminJson.string(body, "scope").map(s -> s.isEmpty() ? ScopeSet.empty() : ScopeSet.parse(s)
                .orElseThrow(() -> new InvalidMetadata("invalid_client_metadata", "scope must be space-separated scope tokens")))
                .orElse(ScopeSet.empty());
        return new DynamicRegistration(method, grants, scope, uris);
    }
}
