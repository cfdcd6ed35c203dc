package dev.portcullis.bootstrap.config;

/** A configuration the server must not start with; its message is the one line the operator sees. */
public class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
