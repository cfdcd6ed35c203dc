package dev.portcullis.adapters.mongo;

import dev.portcullis.application.port.out.AuthorizationCodeStore;
import dev.portcullis.application.port.out.contract.AuthorizationCodeStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The AuthorizationCodeStore contract against an in-process server, a real MongoDB where Docker runs, and $MONGODB_URI where set. */
class MongoAuthorizationCodeStoreTest {

    @RegisterExtension
    static final InProcessMongo IN_PROCESS = new InProcessMongo();

    @Nested
    class InProcess extends AuthorizationCodeStoreContract {

        @Override
        protected AuthorizationCodeStore newStore() {
            return IN_PROCESS.codes();
        }

        @AfterEach
        void dropDatabases() {
            IN_PROCESS.dropDatabases();
        }
    }

    @Nested
    @Testcontainers(disabledWithoutDocker = true)
    class InContainer extends AuthorizationCodeStoreContract {

        @Override
        protected AuthorizationCodeStore newStore() {
            return ContainerMongo.shared().codes();
        }

        @AfterEach
        void dropDatabases() {
            ContainerMongo.shared().dropDatabases();
        }
    }

    @Nested
    @EnabledIfEnvironmentVariable(named = ExternalMongo.VARIABLE, matches = ".+")
    class External extends AuthorizationCodeStoreContract {

        @Override
        protected AuthorizationCodeStore newStore() {
            return ExternalMongo.shared().codes();
        }

        @AfterEach
        void dropDatabases() {
            ExternalMongo.shared().dropDatabases();
        }
    }
}
