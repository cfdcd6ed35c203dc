package dev.portcullis.adapters.mongo;

import dev.portcullis.application.port.out.KeyStore;
import dev.portcullis.application.port.out.contract.KeyStoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The KeyStore contract against an in-process server, a real MongoDB where Docker runs, and $MONGODB_URI where set. */
class MongoKeyStoreTest {

    @RegisterExtension
    static final InProcessMongo IN_PROCESS = new InProcessMongo();

    @Nested
    class InProcess extends KeyStoreContract {

        @Override
        protected KeyStore newKeyStore() {
            return IN_PROCESS.keys();
        }

        @AfterEach
        void dropDatabases() {
            IN_PROCESS.dropDatabases();
        }
    }

    @Nested
    @Testcontainers(disabledWithoutDocker = true)
    class InContainer extends KeyStoreContract {

        @Override
        protected KeyStore newKeyStore() {
            return ContainerMongo.shared().keys();
        }

        @AfterEach
        void dropDatabases() {
            ContainerMongo.shared().dropDatabases();
        }
    }

    @Nested
    @EnabledIfEnvironmentVariable(named = ExternalMongo.VARIABLE, matches = ".+")
    class External extends KeyStoreContract {

        @Override
        protected KeyStore newKeyStore() {
            return ExternalMongo.shared().keys();
        }

        @AfterEach
        void dropDatabases() {
            ExternalMongo.shared().dropDatabases();
        }
    }
}
