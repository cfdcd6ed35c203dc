package dev.portcullis.adapters.mongo;

import dev.portcullis.application.port.out.RefreshTokenStore;
import dev.portcullis.application.port.out.contract.RefreshTokenStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The RefreshTokenStore contract against an in-process server, a real MongoDB where Docker runs, and $MONGODB_URI where set. */
class MongoRefreshTokenStoreTest {

    @RegisterExtension
    static final InProcessMongo IN_PROCESS = new InProcessMongo();

    @Nested
    class InProcess extends RefreshTokenStoreContract {

        @Override
        protected RefreshTokenStore newStore() {
            return IN_PROCESS.refreshTokens();
        }

        @AfterEach
        void dropDatabases() {
            IN_PROCESS.dropDatabases();
        }
    }

    @Nested
    @Testcontainers(disabledWithoutDocker = true)
    class InContainer extends RefreshTokenStoreContract {

        @Override
        protected RefreshTokenStore newStore() {
            return ContainerMongo.shared().refreshTokens();
        }

        @AfterEach
        void dropDatabases() {
            ContainerMongo.shared().dropDatabases();
        }
    }

    @Nested
    @EnabledIfEnvironmentVariable(named = ExternalMongo.VARIABLE, matches = ".+")
    class External extends RefreshTokenStoreContract {

        @Override
        protected RefreshTokenStore newStore() {
            return ExternalMongo.shared().refreshTokens();
        }

        @AfterEach
        void dropDatabases() {
            ExternalMongo.shared().dropDatabases();
        }
    }
}
