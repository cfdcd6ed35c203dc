package dev.portcullis.application.service;

import dev.portcullis.application.port.out.AuthorizationCodeStore;
import dev.portcullis.application.port.out.ClientRepository;
import dev.portcullis.application.port.out.KeyStore;
import dev.portcullis.application.port.out.RefreshTokenStore;
import dev.portcullis.application.port.out.RevocationList;
import dev.portcullis.application.port.out.UserRepository;
import dev.portcullis.application.port.out.contract.AuthorizationCodeStoreContract;
import dev.portcullis.application.port.out.contract.ClientRepositoryContract;
import dev.portcullis.application.port.out.contract.KeyStoreContract;
import dev.portcullis.application.port.out.contract.ListKeyStore;
import dev.portcullis.application.port.out.contract.MapClientRepository;
import dev.portcullis.application.port.out.contract.MapRefreshTokenStore;
import dev.portcullis.application.port.out.contract.MapRevocationList;
import dev.portcullis.application.port.out.contract.MapUserRepository;
import dev.portcullis.application.port.out.contract.RefreshTokenStoreContract;
import dev.portcullis.application.port.out.contract.RevocationListContract;
import dev.portcullis.application.port.out.contract.UserRepositoryContract;
import java.time.Clock;
import org.junit.jupiter.api.Nested;

/** The service tests' fakes pass the same contracts as the real adapters, so the service tests prove something about those. */
class FakesHonourTheContractsTest {

    @Nested
    class Clients extends ClientRepositoryContract {
        @Override
        protected ClientRepository newRepository() {
            return new MapClientRepository();
        }
    }

    @Nested
    class Users extends UserRepositoryContract {
        @Override
        protected UserRepository newRepository() {
            return new MapUserRepository();
        }
    }

    @Nested
    class Codes extends AuthorizationCodeStoreContract {
        @Override
        protected AuthorizationCodeStore newStore() {
            return new Fakes.MapCodeStore();
        }
    }

    @Nested
    class RefreshTokens extends RefreshTokenStoreContract {
        @Override
        protected RefreshTokenStore newStore() {
            return new MapRefreshTokenStore();
        }
    }

    @Nested
    class SigningKeys extends KeyStoreContract {
        @Override
        protected KeyStore newKeyStore() {
            return new ListKeyStore();
        }
    }

    @Nested
    class Revocations extends RevocationListContract {
        @Override
        protected RevocationList newRevocationList(Clock clock) {
            return new MapRevocationList(clock);
        }
    }
}
