package dev.portcullis.bootstrap.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.application.port.in.ClientAuthenticationFailure;
import dev.portcullis.application.port.in.IssueToken;
import dev.portcullis.application.port.in.RevokeToken;
import dev.portcullis.application.port.in.RevokeToken.RevocationRequest;
import dev.portcullis.application.port.in.RevokeToken.RevocationResult;
import dev.portcullis.application.port.in.TokenRequest;
import dev.portcullis.application.port.in.TokenResult;
import dev.portcullis.application.port.out.AuditTrail;
import dev.portcullis.domain.client.ClientId;
import dev.portcullis.domain.client.PresentedCredentials;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.grant.ClientCredentialsGrant;
import dev.portcullis.domain.scope.ScopeSet;
import dev.portcullis.domain.token.Issuer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The failure metric and audit reason come from the result's enum: rewording the log reason changes neither. */
class ObservedUseCasesTest {

    private static final PresentedCredentials CREDENTIALS = PresentedCredentials.basic(new ClientId("app"), "pw");

    private final Metrics metrics = new Metrics();
    private final List<AuditTrail.Event> audited = new ArrayList<>();
    private final ObservedUseCases observed = new ObservedUseCases(metrics, audited::add);

    @Test
    void aTokenRejectionIsCountedByItsFailureNotByItsLogReason() {
        IssueToken issue = observed.issueToken(request -> TokenResult.Rejected.clientAuthenticationFailed(
                ClientAuthenticationFailure.WRONG_SECRET, "unknown client, worded to mislead a prefix match"));
        issue.issue(new TokenRequest(CREDENTIALS, new ClientCredentialsGrant(ScopeSet.empty()),
                new Issuer("https://issuer.example"), "10.0.0.1"));
        assertThat(failures("wrong_secret")).isEqualTo(1.0);
        assertThat(failures("unknown_client")).isZero();
        assertThat(audited).singleElement().satisfies(e -> assertThat(e.fields()).containsEntry("reason", "wrong_secret"));
    }

    @Test
    void anInvalidClientRejectionWithoutAFailureIsOther() {
        IssueToken issue = observed.issueToken(request -> new TokenResult.Rejected(OAuthError.INVALID_CLIENT,
                "wrong secret for client app"));
        issue.issue(new TokenRequest(CREDENTIALS, new ClientCredentialsGrant(ScopeSet.empty()),
                new Issuer("https://issuer.example"), "10.0.0.1"));
        assertThat(failures("other")).isEqualTo(1.0);
        assertThat(failures("wrong_secret")).isZero();
    }

    @Test
    void aRevocationRejectionIsCountedByItsFailure() {
        RevokeToken revoke = observed.revokeToken(request -> new RevocationResult.Rejected(OAuthError.INVALID_CLIENT,
                ClientAuthenticationFailure.AUTH_METHOD_NOT_ALLOWED, "wrong secret, worded to mislead a prefix match"));
        revoke.revoke(new RevocationRequest(CREDENTIALS, "some-token", Optional.empty()));
        assertThat(failures("auth_method_not_allowed")).isEqualTo(1.0);
        assertThat(failures("wrong_secret")).isZero();
    }

    private double failures(String reason) {
        String prefix = "portcullis_client_authentication_failures_total{reason=\"" + reason + "\"} ";
        return metrics.scrape().lines().filter(l -> l.startsWith(prefix)).findFirst()
                .map(l -> Double.parseDouble(l.substring(prefix.length()))).orElseThrow();
    }
}
