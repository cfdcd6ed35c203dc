package dev.portcullis.application.service;

import dev.portcullis.application.port.in.TokenResult;
import dev.portcullis.application.port.in.TokenResult.Issued;
import dev.portcullis.application.port.in.TokenResult.Rejected;
import dev.portcullis.application.port.out.AuthorizationCodeStore;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.code.AuthorizationCode;
import dev.portcullis.domain.code.Redemption;
import dev.portcullis.domain.error.OAuthError;
import dev.portcullis.domain.grant.AuthorizationCodeGrant;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.token.Issuer;
import dev.portcullis.domain.token.OpaqueTokenHash;
import dev.portcullis.domain.token.SignedAccessToken;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * RFC 6749 §4.1.3 with PKCE (RFC 7636 §4.6): redeem the code in one atomic step, then check it
 * against the request ({@link CodeRedemptionCheck}). A code presented again is refused and
 * everything its first redemption issued is revoked (§4.1.2, RFC 9700 §4.2.1).
 *
 * <p>The access token carries the {@code jti} chosen when the code was issued, and the refresh
 * token (when the client has the refresh_token grant) starts the family the code names, so that
 * a replay can revoke both without a write at redemption.
 */
final class AuthorizationCodeFlow {

    private final AuthorizationCodeStore codes;
    private final GrantRevocation revocation;
    private final AccessTokenMinter minter;
    private final RefreshTokenIssuer refreshTokens;
    private final Clock clock;

    AuthorizationCodeFlow(AuthorizationCodeStore codes, GrantRevocation revocation, AccessTokenMinter minter,
                          RefreshTokenIssuer refreshTokens, Clock clock) {
        this.codes = codes;
        this.revocation = revocation;
        this.minter = minter;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    TokenResult issue(Client client, AuthorizationCodeGrant grant, Issuer issuer) {
        Instant now = clock.instant();
        AuthorizationCode code;
        switch (codes.redeem(OpaqueTokenHash.of(grant.code()), now)) {
            case Redemption.Unknown unknown -> {
                return new Rejected(OAuthError.INVALID_GRANT, "unknown or expired authorization code");
            }
            case Redemption.Replayed replayed -> {
                revocation.revokeIssuedFrom(replayed.code());
                return new Rejected(OAuthError.INVALID_GRANT, "authorization code of client " + replayed.code().clientId()
                        + " presented again by " + client.id() + "; the tokens it issued are revoked");
            }
            case Redemption.Redeemed redeemed -> code = redeemed.code();
        }
        Optional<Rejected> rejected = CodeRedemptionCheck.firstRejection(client, code, grant);
        if (rejected.isPresent()) {
            return rejected.get();
        }
        SignedAccessToken token = minter.mint(client, issuer, code.subject(), code.scope(), code.roles(), code.accessTokenId());
        Optional<String> refresh = client.allows(GrantType.REFRESH_TOKEN)
                ? Optional.of(refreshTokens.startFamily(code.refreshFamily(), client, code.subject(), code.roles(),
                        code.scope(), code.accessTokenId(), now))
                : Optional.empty();
        return new Issued(token, minter.lifetimeFor(client), code.scope(), refresh);
    }
}
