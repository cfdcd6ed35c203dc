package dev.portcullis.adapters.mongo;

import dev.portcullis.application.port.out.ClientRepository;
import dev.portcullis.application.port.out.contract.ClientRepositoryContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The ClientRepository contract against an in-process server, a real MongoDB where Docker runs, and $MONGODB_URI where set. */
class MongoClientRepositoryTest {

    @RegisterExtension
    static final InProcessMongo IN_PROCESS = new InProcessMongo();

    @Nested
    class InProcess extends ClientRepositoryContract {

        @Override
        protected ClientRepository newRepository() {
            return IN_PROCESS.clients();
        }

        @AfterEach
        void dropDatabases() {
            IN_PROCESS.dropDatabases();
        }
    }

    @Nested
    @Testcontainers(disabledWithoutDocker = true)
    class InContainer extends ClientRepositoryContract {

        @Override
        protected ClientRepository newRepository() {
            return ContainerMongo.shared().clients();
        }

        @AfterEach
        void dropDatabases() {
            ContainerMongo.shared().dropDatabases();
        }
    }

    @Nested
    @EnabledIfEnvironmentVariable(named = ExternalMongo.VARIABLE, matches = ".+")
    class External extends ClientRepositoryContract {

        @Override
        protected ClientRepository newRepository() {
            return ExternalMongo.shared().clients();
        }

        @AfterEach
        void dropDatabases() {
            ExternalMongo.shared().dropDatabases();
        }
    }
}
