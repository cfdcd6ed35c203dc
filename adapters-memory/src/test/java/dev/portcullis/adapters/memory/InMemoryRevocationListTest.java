package dev.portcullis.adapters.memory;

import dev.portcullis.application.port.out.RevocationList;
import dev.portcullis.application.port.out.contract.RevocationListContract;
import java.time.Clock;

class InMemoryRevocationListTest extends RevocationListContract {

    @Override
    protected RevocationList newRevocationList(Clock clock) {
        return new InMemoryRevocationList(clock);
    }
}
