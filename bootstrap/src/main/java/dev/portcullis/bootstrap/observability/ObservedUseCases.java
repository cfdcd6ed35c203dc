package dev.portcullis.bootstrap.observability;

import dev.portcullis.application.port.in.AuthenticateBearer;
import dev.portcullis.application.port.in.IntrospectToken;
import dev.portcullis.application.port.in.IssueToken;
import dev.portcullis.application.port.in.LimitRequests;
import dev.portcullis.application.port.in.RevokeToken;
import dev.portcullis.application.port.in.TokenResult;
import dev.portcullis.application.port.out.AuditTrail;
import dev.portcullis.application.port.out.BackendUnavailableException;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.client.PresentedCredentials;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.Issuer;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Decorators of the driving use cases that count, audit and attribute what they answer, without touching the
 * services: a token issued (grant, client, jti — never the token), a client authentication failure (reason class),
 * a revocation (outcome), a bearer refusal, a request refused by a rate limit or lockout (told to the access-log
 * filter, which knows the endpoint), and a backend outage on the way (counted, then rethrown).
 */
final class ObservedUseCases {

    private final Metrics metrics;
    private final AuditTrail audit;

    ObservedUseCases(Metrics metrics, AuditTrail audit) {
        this.metrics = metrics;
        this.audit = audit;
    }

    IssueToken issueToken(IssueToken delegate) {
        return request -> {
            TokenResult result = guarded(Metrics.Operation.TOKEN, () -> delegate.issue(request));
            String client = request.credentials().clientId().value();
            RequestAttribution.clientId(client);
            switch (result) {
                case TokenResult.Issued issued -> {
                    metrics.tokenIssued(request.grant().type(), request.credentials().clientId());
                    audit.record(AuditTrail.Event.of("token.issued", "client_id", client,
                            "grant", request.grant().type().wire(),
                            "subject", issued.accessToken().claims().subject(),
                            "jti", issued.accessToken().claims().jwtId().value(),
                            "scope", issued.scope().wire()));
                }
                case TokenResult.Throttled throttled -> metrics.tokenRejected(OAuthError.TEMPORARILY_UNAVAILABLE);
                case TokenResult.Rejected rejected -> {
                    metrics.tokenRejected(rejected.error());
                    if (rejected.error() == OAuthError.INVALID_CLIENT) {
                        clientAuthenticationFailed(client, request.credentials(),
                                Metrics.AuthFailure.of(rejected.clientAuthentication()));
                    }
                }
            }
            return result;
        };
    }

    private void clientAuthenticationFailed(String client, PresentedCredentials credentials, Metrics.AuthFailure failure) {
        metrics.authenticationFailed(failure);
        audit.record(AuditTrail.Event.of("client.authentication_failed", "client_id", client,
                "method", credentials.method().wire(), "reason", failure.label()));
    }

    RevokeToken revokeToken(RevokeToken delegate) {
        return request -> {
            RevokeToken.RevocationResult result = guarded(Metrics.Operation.REVOKE, () -> delegate.revoke(request));
            String client = request.credentials().clientId().value();
            RequestAttribution.clientId(client);
            switch (result) {
                case RevokeToken.RevocationResult.Done done -> {
                    metrics.revoked(done.outcome());
                    audit.record(AuditTrail.Event.of("token.revoked", "client_id", client,
                            "outcome", done.outcome().name().toLowerCase(java.util.Locale.ROOT)));
                }
                case RevokeToken.RevocationResult.Rejected rejected -> {
                    if (rejected.error() == OAuthError.INVALID_CLIENT) {
                        clientAuthenticationFailed(client, request.credentials(), Metrics.AuthFailure.of(rejected.failure()));
                    }
                }
            }
            return result;
        };
    }

    IntrospectToken introspectToken(IntrospectToken delegate) {
        return request -> guarded(Metrics.Operation.INTROSPECT, () -> delegate.introspect(request));
    }

    AuthenticateBearer authenticateBearer(AuthenticateBearer delegate) {
        return (String token, Issuer issuer, ScopeSet required) -> {
            AuthenticateBearer.BearerResult result = guarded(Metrics.Operation.BEARER,
                    () -> delegate.authenticate(token, issuer, required));
            switch (result) {
                case AuthenticateBearer.BearerResult.Authenticated ok -> RequestAttribution.clientId(ok.claims().clientId().value());
                case AuthenticateBearer.BearerResult.Refused refused -> metrics.bearerRefused(refused.error());
            }
            return result;
        };
    }

    LimitRequests limitRequests(LimitRequests delegate) {
        return new LimitRequests() {
            @Override
            public Admission admit(String source, Optional<ClientId> client) {
                Admission admission = delegate.admit(source, client);
                if (admission instanceof TooMany tooMany) {
                    RequestAttribution.rateLimited(tooMany.exceeded());
                }
                return admission;
            }

            @Override
            public void failedClientAuthentication(String source, ClientId client) {
                delegate.failedClientAuthentication(source, client);
            }
        };
    }

    private <T> T guarded(Metrics.Operation operation, Supplier<T> call) {
        try {
            return call.get();
        } catch (BackendUnavailableException e) {
            metrics.backendError(operation);
            throw e;
        }
    }
}
