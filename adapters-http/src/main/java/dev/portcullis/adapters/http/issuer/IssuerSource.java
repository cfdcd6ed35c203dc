package dev.portcullis.adapters.http.issuer;

import dev.portcullis.domain.token.Issuer;
import java.util.Objects;
import java.util.Set;

/**
 * Where a request's issuer comes from. Deriving it from {@code Host} lets the caller pick the issuer that tokens are
 * minted under and that discovery names, so outside the dev profile it is either configured or derived and then
 * checked against a list the operator wrote.
 */
public sealed interface IssuerSource {

    /** One issuer, whatever the request says. */
    record Configured(Issuer issuer) implements IssuerSource {
        public Configured {
            Objects.requireNonNull(issuer, "issuer");
        }
    }

    /** Derived from each request, and accepted only when it is one of these, compared exactly. */
    record Listed(Set<Issuer> issuers) implements IssuerSource {
        public Listed {
            issuers = Set.copyOf(issuers);
            if (issuers.isEmpty()) {
                throw new IllegalArgumentException("an issuer list names at least one issuer");
            }
        }
    }

    /**
     * Derived from each request, whatever host it names: for development only.
     *
     * @param loopbackAsLocalhost the loopback names ({@code localhost}, {@code 127.0.0.1}, {@code [::1]}) are one issuer,
     *                            {@code http://localhost:<port>}, so that a token works whichever of them the user types
     */
    record AnyHost(boolean loopbackAsLocalhost) implements IssuerSource {}

    /** Every host its own issuer, exactly as named. */
    static IssuerSource anyHost() {
        return new AnyHost(false);
    }

    /** Every host its own issuer, except that the loopback names are one. */
    static IssuerSource anyHostWithOneLoopbackIssuer() {
        return new AnyHost(true);
    }
}
