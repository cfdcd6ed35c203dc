package dev.portcullis.adapters.memory;

import dev.portcullis.application.port.out.KeyStore;
import dev.portcullis.application.port.out.contract.KeyStoreContract;

class InMemoryKeyStoreTest extends KeyStoreContract {

    @Override
    protected KeyStore newKeyStore() {
        return new InMemoryKeyStore();
    }
}
