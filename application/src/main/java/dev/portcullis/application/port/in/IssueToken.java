package dev.portcullis.application.port.in;

/** The token endpoint's use case (RFC 6749 §3.2): authenticate the client, check the grant, answer a token. */
public interface IssueToken {

    TokenResult issue(TokenRequest request);
}
