package dev.portcullis.adapters.redis;

import dev.portcullis.application.port.out.RevocationList;
import dev.portcullis.application.port.out.contract.RevocationListContract;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisRevocationListTest extends RevocationListContract {

    @RegisterExtension
    static final RedisTestServer redis = new RedisTestServer();

    private final List<RedisRevocationList> opened = new ArrayList<>();

    @Override
    protected RevocationList newRevocationList(Clock clock) {
        RedisRevocationList list = new RedisRevocationList(redis.backend(), clock);
        opened.add(list);
        return list;
    }

    @AfterEach
    void close() {
        opened.forEach(RedisRevocationList::close);
    }
}
