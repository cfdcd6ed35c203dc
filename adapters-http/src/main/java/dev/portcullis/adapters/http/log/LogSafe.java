package dev.portcullis.adapters.http.log;

/** Untrusted text made fit for one log line: quoted, control characters escaped, length bounded. */
public final class LogSafe {

    private static final int MAX = 80;

    private LogSafe() {
    }

    public static String quote(String untrusted) {
        if (untrusted == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(untrusted.length(), MAX) + 8).append('"');
        for (int i = 0; i < untrusted.length() && i < MAX; i++) {
            char c = untrusted.charAt(i);
            if (c < 0x20 || c == 0x7F || c == '"' || c == '\\') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (untrusted.length() > MAX) {
            out.append('…');
        }
        return out.append('"').toString();
    }
}
