package dev.portcullis.adapters.mongo;

import dev.portcullis.application.port.out.RevocationList;
import dev.portcullis.application.port.out.contract.RevocationListContract;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The RevocationList contract against an in-process server, a real MongoDB where Docker runs, and $MONGODB_URI where set. */
class MongoRevocationListTest {

    @RegisterExtension
    static final InProcessMongo IN_PROCESS = new InProcessMongo();

    @Nested
    class InProcess extends RevocationListContract {

        @Override
        protected RevocationList newRevocationList(Clock clock) {
            return IN_PROCESS.revocations(clock);
        }

        @AfterEach
        void dropDatabases() {
            IN_PROCESS.dropDatabases();
        }
    }

    @Nested
    @Testcontainers(disabledWithoutDocker = true)
    class InContainer extends RevocationListContract {

        @Override
        protected RevocationList newRevocationList(Clock clock) {
            return ContainerMongo.shared().revocations(clock);
        }

        @AfterEach
        void dropDatabases() {
            ContainerMongo.shared().dropDatabases();
        }
    }

    @Nested
    @EnabledIfEnvironmentVariable(named = ExternalMongo.VARIABLE, matches = ".+")
    class External extends RevocationListContract {

        @Override
        protected RevocationList newRevocationList(Clock clock) {
            return ExternalMongo.shared().revocations(clock);
        }

        @AfterEach
        void dropDatabases() {
            ExternalMongo.shared().dropDatabases();
        }
    }
}
