package dev.portcullis.adapters.crypto;

/**
 * A stored signing key could not be decrypted: the key-encryption key is not the one it was stored
 * under, the stored value was altered, or it is not encrypted at all. A configuration or integrity
 * failure, never "no key" and never an outage: it must stop the server rather than let it mint new
 * keys over the old ones. The message names the key id and never quotes the stored value.
 */
public final class KeyDecryptionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    KeyDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
