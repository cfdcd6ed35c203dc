package dev.portcullis.adapters.http.authorize;

import dev.portcullis.domain.scope.Scope;
import dev.portcullis.domain.scope.ScopeSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * The server-rendered pages of the authorization endpoint: plain HTML, no script, one fixed
 * inline stylesheet allowed by its hash in the Content-Security-Policy.
 */
final class Pages {

    static final String STYLE = """
            body{font-family:system-ui,sans-serif;background:#f4f5f7;color:#1d1f23;margin:0}\
            main{max-width:22rem;margin:4rem auto;background:#fff;padding:2rem;border-radius:8px;\
            box-shadow:0 1px 4px rgba(0,0,0,.15)}\
            h1{font-size:1.4rem;margin-top:0}label{display:block;margin-top:1rem;font-weight:600}\
            input{box-sizing:border-box;width:100%;padding:.5rem;margin-top:.25rem;font-size:1rem}\
            .actions{display:flex;gap:.5rem;margin-top:1.5rem}button{flex:1;padding:.6rem;font-size:1rem}\
            .error{background:#fdecea;color:#8a1c12;padding:.6rem;border-radius:4px}\
            .scopes{color:#4a4f57}""";

    /** The CSP source that allows {@link #STYLE} and nothing else. */
    static final String STYLE_SOURCE = "'sha256-" + sha256Base64(STYLE) + "'";

    private Pages() {
    }

    /** What the login page shows and carries. */
    record LoginView(String clientId, ScopeSet scope, String sealedSession, Optional<String> username,
                     Optional<String> error) {
    }

    static String login(LoginView view) {
        StringBuilder body = new StringBuilder();
        body.append("<h1>Sign in</h1>\n");
        body.append("<p>to continue to <strong id=\"client\">").append(Html.escape(view.clientId())).append("</strong></p>\n");
        if (!view.scope().isEmpty()) {
            body.append("<p class=\"scopes\">It will be allowed: ");
            boolean first = true;
            for (Scope scope : view.scope().scopes()) {
                body.append(first ? "" : ", ").append("<code>").append(Html.escape(scope.value())).append("</code>");
                first = false;
            }
            body.append("</p>\n");
        }
        view.error().ifPresent(error ->
                body.append("<p class=\"error\" id=\"error\" role=\"alert\">").append(Html.escape(error)).append("</p>\n"));
        body.append("<form method=\"post\" action=\"authorize\" autocomplete=\"on\">\n");
        body.append("<input type=\"hidden\" name=\"session\" value=\"").append(Html.escape(view.sealedSession())).append("\">\n");
        body.append("<label for=\"username\">Username</label>\n");
        body.append("<input id=\"username\" name=\"username\" autocomplete=\"username\" required autofocus value=\"")
                .append(Html.escape(view.username().orElse(""))).append("\">\n");
        body.append("<label for=\"password\">Password</label>\n");
        body.append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>\n");
        body.append("<div class=\"actions\">\n");
        body.append("<button type=\"submit\" id=\"login\" name=\"action\" value=\"login\">Sign in</button>\n");
        body.append("<button type=\"submit\" id=\"cancel\" name=\"action\" value=\"cancel\" formnovalidate>Cancel</button>\n");
        body.append("</div>\n</form>\n");
        return document("Sign in", body.toString());
    }

    static String error(String title, String message) {
        return document(title, "<h1>" + Html.escape(title) + "</h1>\n<p class=\"error\" id=\"error\">"
                + Html.escape(message) + "</p>\n");
    }

    private static String document(String title, String main) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"referrer\" content=\"no-referrer\">\n"
                + "<title>" + Html.escape(title) + " – Portcullis</title>\n"
                + "<style>" + STYLE + "</style>\n</head>\n<body>\n<main>\n" + main + "</main>\n</body>\n</html>\n";
    }

    private static String sha256Base64(String text) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
