package dev.portcullis.adapters.memory;

import dev.portcullis.application.port.out.ClientRepository;
import dev.portcullis.application.port.out.contract.ClientRepositoryContract;

class InMemoryClientRepositoryTest extends ClientRepositoryContract {

    @Override
    protected ClientRepository newRepository() {
        return new InMemoryClientRepository();
    }
}
