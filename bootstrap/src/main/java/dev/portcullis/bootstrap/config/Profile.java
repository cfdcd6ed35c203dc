package dev.portcullis.bootstrap.config;

import java.util.Locale;

/** How the server is deployed: {@code dev} trades safety for a working example; anything else is production. */
public enum Profile {
    DEV,
    PROD;

    public static Profile parse(String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "dev", "" -> DEV;
            case "prod", "production" -> PROD;
            default -> throw new ConfigurationException("portcullis.profile must be dev or prod, not '" + value + "'");
        };
    }
}
