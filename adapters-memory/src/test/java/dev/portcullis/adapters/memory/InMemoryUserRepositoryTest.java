package dev.portcullis.adapters.memory;

import dev.portcullis.application.port.out.UserRepository;
import dev.portcullis.application.port.out.contract.UserRepositoryContract;

class InMemoryUserRepositoryTest extends UserRepositoryContract {

    @Override
    protected UserRepository newRepository() {
        return new InMemoryUserRepository();
    }
}
