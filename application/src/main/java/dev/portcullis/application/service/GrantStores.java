package dev.portcullis.application.service;

import dev.portcullis.application.port.out.AuthorizationCodeStore;
import dev.portcullis.application.port.out.ClientRepository;
import dev.portcullis.application.port.out.RefreshTokenStore;
import dev.portcullis.application.port.out.RevocationList;
import dev.portcullis.application.port.out.UserRepository;
import java.util.Objects;

/**
 * The stores the token endpoint reads and writes beyond authentication: codes to redeem, refresh
 * tokens to rotate, revocations to record, and the clients and users that tokens are bound to.
 */
public record GrantStores(
        ClientRepository clients,
        UserRepository users,
        AuthorizationCodeStore codes,
        RefreshTokenStore refreshTokens,
        RevocationList revocations) {

    public GrantStores {
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(codes, "codes");
        Objects.requireNonNull(refreshTokens, "refreshTokens");
        Objects.requireNonNull(revocations, "revocations");
    }
}
