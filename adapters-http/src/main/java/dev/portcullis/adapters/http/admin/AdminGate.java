package dev.portcullis.adapters.http.admin;

import dev.portcullis.adapters.http.bearer.BearerRefusals;
import dev.portcullis.adapters.http.bearer.BearerToken;
import dev.portcullis.adapters.http.protocol.CacheHeaders;
import dev.portcullis.adapters.http.issuer.IssuerResolver;
import dev.portcullis.adapters.http.error.ErrorResponse;
import dev.portcullis.application.port.in.AuthenticateBearer;
import dev.portcullis.application.port.in.AuthenticateBearer.BearerResult;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.AccessTokenClaims;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The one door of every admin route: a bearer token of this issuer that carries the admin scope. A caller
 * without one is refused as at every protected resource (RFC 6750 §3), and the refusal is already sent.
 * Every admin answer, refusal or not, is marked {@code no-store}: they carry secrets and client records.
 */
public final class AdminGate {

    private static final System.Logger LOG = System.getLogger(AdminGate.class.getName());

    private final AuthenticateBearer authenticateBearer;
    private final IssuerResolver issuers;
    private final ScopeSet adminScope;
    private final String guarded;

    public AdminGate(AuthenticateBearer authenticateBearer, IssuerResolver issuers, ScopeSet adminScope) {
        this(authenticateBearer, issuers, adminScope, "admin call");
    }

    /**
     * The same door for another operator-only resource, with its own scope.
     *
     * @param guarded what the log calls a refused request, e.g. {@code "metrics scrape"}
     */
    public AdminGate(AuthenticateBearer authenticateBearer, IssuerResolver issuers, ScopeSet adminScope, String guarded) {
        this.authenticateBearer = Objects.requireNonNull(authenticateBearer, "authenticateBearer");
        this.issuers = Objects.requireNonNull(issuers, "issuers");
        this.adminScope = Objects.requireNonNull(adminScope, "adminScope");
        this.guarded = Objects.requireNonNull(guarded, "guarded");
    }

    /** The admin's claims; empty when the request was refused (the answer is sent). */
    public Optional<AccessTokenClaims> admit(ServerRequest req, ServerResponse res) {
        CacheHeaders.noStore(res);
        Optional<dev.portcullis.domain.token.Issuer> issuer = issuers.resolve(req);
        if (issuer.isEmpty()) {
            ErrorResponse.of(Status.BAD_REQUEST_400, OAuthError.INVALID_REQUEST).send(res);
            return Optional.empty();
        }
        switch (BearerToken.parse(req.headers().all(HeaderNames.AUTHORIZATION, List::of))) {
            case BearerToken.Missing m -> {
                BearerRefusals.unauthenticated(res);
                return Optional.empty();
            }
            case BearerToken.OtherScheme o -> {
                BearerRefusals.unauthenticated(res);
                return Optional.empty();
            }
            case BearerToken.Malformed malformed -> {
                refuse(res, OAuthError.INVALID_REQUEST, malformed.reason());
                return Optional.empty();
            }
            case BearerToken.Present present -> {
                switch (authenticateBearer.authenticate(present.token(), issuer.get(), adminScope)) {
                    case BearerResult.Refused refused -> {
                        refuse(res, refused.error(), refused.reason());
                        return Optional.empty();
                    }
                    case BearerResult.Authenticated ok -> {
                        return Optional.of(ok.claims());
                    }
                }
            }
        }
    }

    private void refuse(ServerResponse res, OAuthError error, String reason) {
        LOG.log(Level.INFO, () -> guarded + " refused: " + error.code() + ": " + reason);
        BearerRefusals.refuse(res, error, adminScope);
    }
}
