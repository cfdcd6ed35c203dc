package dev.portcullis.adapters.mongo;

import dev.portcullis.application.port.out.UserRepository;
import dev.portcullis.application.port.out.contract.UserRepositoryContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The UserRepository contract against an in-process server, a real MongoDB where Docker runs, and $MONGODB_URI where set. */
class MongoUserRepositoryTest {

    @RegisterExtension
    static final InProcessMongo IN_PROCESS = new InProcessMongo();

    @Nested
    class InProcess extends UserRepositoryContract {

        @Override
        protected UserRepository newRepository() {
            return IN_PROCESS.users();
        }

        @AfterEach
        void dropDatabases() {
            IN_PROCESS.dropDatabases();
        }
    }

    @Nested
    @Testcontainers(disabledWithoutDocker = true)
    class InContainer extends UserRepositoryContract {

        @Override
        protected UserRepository newRepository() {
            return ContainerMongo.shared().users();
        }

        @AfterEach
        void dropDatabases() {
            ContainerMongo.shared().dropDatabases();
        }
    }

    @Nested
    @EnabledIfEnvironmentVariable(named = ExternalMongo.VARIABLE, matches = ".+")
    class External extends UserRepositoryContract {

        @Override
        protected UserRepository newRepository() {
            return ExternalMongo.shared().users();
        }

        @AfterEach
        void dropDatabases() {
            ExternalMongo.shared().dropDatabases();
        }
    }
}
