package dev.portcullis.adapters.http;

import dev.portcullis.application.port.in.AuthenticateBearer;
import dev.portcullis.application.port.in.CheckReadiness;
import dev.portcullis.application.port.in.DescribeServer;
import dev.portcullis.application.port.in.IssueToken;
import dev.portcullis.application.port.in.PublishKeys;
import java.util.Objects;

/** The use cases the HTTP edge drives, one per route family. */
public record HttpUseCases(IssueToken issueToken, AuthenticateBearer authenticateBearer, PublishKeys publishKeys,
                           DescribeServer describeServer, CheckReadiness checkReadiness) {

    public HttpUseCases {
        Objects.requireNonNull(issueToken, "issueToken");
        Objects.requireNonNull(authenticateBearer, "authenticateBearer");
        Objects.requireNonNull(publishKeys, "publishKeys");
        Objects.requireNonNull(describeServer, "describeServer");
        Objects.requireNonNull(checkReadiness, "checkReadiness");
    }
}
