package dev.portcullis.adapters.mongo;

/**
 * A stored signing key could not be decrypted: the key-encryption key is not the one it was
 * stored under, or the stored document was altered. A configuration or integrity failure, never
 * "no key": it must stop the server rather than let it mint new keys over the old ones.
 */
public final class KeyDecryptionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    KeyDecryptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
