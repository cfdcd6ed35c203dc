package dev.portcullis.application.service.admin;

import dev.portcullis.application.port.in.admin.AdminResult;
import dev.portcullis.application.port.in.admin.AdminResult.Rejection;
import dev.portcullis.application.port.in.admin.ClientSpec;
import dev.portcullis.domain.client.AuthMethod;
import dev.portcullis.domain.client.Client;
import dev.portcullis.domain.grant.GrantType;
import dev.portcullis.domain.secret.SecretHash;
import java.net.URI;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Turns an operator's spec into a client, applying the defaults of its kind; the domain's own checks decide validity. */
final class ClientSpecs {

    private ClientSpecs() {
    }

    static Set<AuthMethod> authMethods(ClientSpec spec) {
        if (!spec.authMethods().isEmpty()) {
            return spec.authMethods();
        }
        return spec.kind() == ClientSpec.Kind.PUBLIC ? EnumSet.of(AuthMethod.NONE)
                : EnumSet.of(AuthMethod.CLIENT_SECRET_BASIC, AuthMethod.CLIENT_SECRET_POST);
    }

    static Set<GrantType> grantTypes(ClientSpec spec) {
        if (!spec.grantTypes().isEmpty()) {
            return spec.grantTypes();
        }
        return spec.kind() == ClientSpec.Kind.PUBLIC ? EnumSet.of(GrantType.AUTHORIZATION_CODE)
                : EnumSet.of(GrantType.CLIENT_CREDENTIALS);
    }

    /**
     * The client the spec describes with this secret hash (empty for a public client), or why it is not one or
     * breaks the server's {@code rules}.
     */
    static AdminResult<Client> build(ClientSpec spec, Optional<SecretHash> secretHash, ClientRules rules) {
        Optional<AdminResult<Client>> broken = checkRules(spec, rules);
        if (broken.isPresent()) {
            return broken.get();
        }
        Set<AuthMethod> methods = authMethods(spec);
        if (methods.contains(AuthMethod.NONE) != (spec.kind() == ClientSpec.Kind.PUBLIC)) {
            return AdminResult.rejected(Rejection.INVALID, spec.kind() == ClientSpec.Kind.PUBLIC
                    ? "a public client authenticates with none only"
                    : "a confidential client authenticates with a secret: none is for public clients");
        }
        try {
            return AdminResult.done(new Client(spec.id(), secretHash, methods, grantTypes(spec), spec.allowedScopes(),
                    spec.defaultScopes(), spec.audience(), spec.accessTokenTtl(), spec.redirectUris()));
        } catch (IllegalArgumentException e) {
            // the domain's messages name the rule, never a secret
            return AdminResult.rejected(Rejection.INVALID, e.getMessage());
        }
    }

    private static Optional<AdminResult<Client>> checkRules(ClientSpec spec, ClientRules rules) {
        for (URI uri : spec.redirectUris()) {
            Optional<String> refusal = rules.redirectUris().refusal(uri);
            if (refusal.isPresent()) {
                return Optional.of(AdminResult.rejected(Rejection.INVALID_REDIRECT_URI, "redirect_uris: " + refusal.get()));
            }
        }
        if (spec.accessTokenTtl().filter(ttl -> ttl.compareTo(rules.maxAccessTokenTtl()) > 0).isPresent()) {
            return Optional.of(AdminResult.rejected(Rejection.INVALID, "access_token_ttl must be at most "
                    + rules.maxAccessTokenTtl().toSeconds() + " seconds (the server's token.max-access-token-ttl)"));
        }
        return Optional.empty();
    }

    static ClientSpec.Kind kindOf(Client client) {
        return client.isPublic() ? ClientSpec.Kind.PUBLIC : ClientSpec.Kind.CONFIDENTIAL;
    }
}
