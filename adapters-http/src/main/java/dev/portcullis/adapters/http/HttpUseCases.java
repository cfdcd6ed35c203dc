package dev.portcullis.adapters.http;

import dev.portcullis.adapters.http.authorize.AuthorizeEndpoint;
import dev.portcullis.application.port.in.AuthenticateBearer;
import dev.portcullis.application.port.in.CheckReadiness;
import dev.portcullis.application.port.in.DescribeServer;
import dev.portcullis.application.port.in.IssueToken;
import dev.portcullis.application.port.in.PublishKeys;
import java.util.Objects;
import java.util.Optional;

/**
 * The use cases the HTTP edge drives, one per route family.
 *
 * @param authorize the authorization endpoint and its login page; without it there is no {@code /authorize}
 */
public record HttpUseCases(IssueToken issueToken, AuthenticateBearer authenticateBearer, PublishKeys publishKeys,
                           DescribeServer describeServer, CheckReadiness checkReadiness,
                           Optional<AuthorizeEndpoint> authorize) {

    public HttpUseCases {
        Objects.requireNonNull(issueToken, "issueToken");
        Objects.requireNonNull(authenticateBearer, "authenticateBearer");
        Objects.requireNonNull(publishKeys, "publishKeys");
        Objects.requireNonNull(describeServer, "describeServer");
        Objects.requireNonNull(checkReadiness, "checkReadiness");
        Objects.requireNonNull(authorize, "authorize");
    }

    /** Without the authorization endpoint. */
    public HttpUseCases(IssueToken issueToken, AuthenticateBearer authenticateBearer, PublishKeys publishKeys,
                        DescribeServer describeServer, CheckReadiness checkReadiness) {
        this(issueToken, authenticateBearer, publishKeys, describeServer, checkReadiness, Optional.empty());
    }
}
