package dev.portcullis.adapters.memory;

import dev.portcullis.application.port.out.RefreshTokenStore;
import dev.portcullis.application.port.out.contract.RefreshTokenStoreContract;

class InMemoryRefreshTokenStoreTest extends RefreshTokenStoreContract {

    @Override
    protected RefreshTokenStore newStore() {
        return new InMemoryRefreshTokenStore();
    }
}
