package dev.portcullis.adapters.memory;

import dev.portcullis.application.port.out.AuthorizationCodeStore;
import dev.portcullis.application.port.out.contract.AuthorizationCodeStoreContract;

class InMemoryAuthorizationCodeStoreTest extends AuthorizationCodeStoreContract {

    @Override
    protected AuthorizationCodeStore newStore() {
        return new InMemoryAuthorizationCodeStore();
    }
}
