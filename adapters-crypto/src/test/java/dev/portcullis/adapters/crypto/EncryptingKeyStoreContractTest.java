package dev.portcullis.adapters.crypto;

import dev.portcullis.application.port.out.KeyStore;
import dev.portcullis.application.port.out.contract.KeyStoreContract;

/** Wrapped in the decorator, a key store still keeps every promise of the KeyStore contract. */
class EncryptingKeyStoreContractTest extends KeyStoreContract {

    @Override
    protected KeyStore newKeyStore() {
        return new EncryptingKeyStore(new RecordingKeyStore(), EncryptingKeyStoreTest.KEK);
    }
}
