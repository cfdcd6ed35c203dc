package dev.portcullis.adapters.memory;

import dev.portcullis.application.port.out.AuthorizationCodeStore;
import dev.portcullis.domain.code.AuthorizationCode;
import dev.portcullis.domain.code.Redemption;
import dev.portcullis.domain.token.OpaqueTokenHash;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Codes in a map; a redemption is one atomic {@code compute} on the code's entry. */
public final class InMemoryAuthorizationCodeStore implements AuthorizationCodeStore {

    private record Entry(AuthorizationCode code, boolean redeemed) {}

    private final ConcurrentMap<OpaqueTokenHash, Entry> codes = new ConcurrentHashMap<>();
    private final PeriodicSweep sweep = new PeriodicSweep();

    /** Saving a code again keeps its redeemed mark: a code is never re-armed. */
    @Override
    public void save(AuthorizationCode code) {
        codes.merge(code.hash(), new Entry(code, false), (old, fresh) -> new Entry(code, old.redeemed()));
    }

    @Override
    public Redemption redeem(OpaqueTokenHash hash, Instant now) {
        sweep.runIfDue(now.toEpochMilli(), () -> codes.values().removeIf(e -> e.code().isExpiredAt(now)));
        Redemption[] outcome = {new Redemption.Unknown()};
        codes.computeIfPresent(hash, (key, entry) -> {
            if (entry.code().isExpiredAt(now)) {
                return null; // an expired code is as unknown as one never issued
            }
            outcome[0] = entry.redeemed() ? new Redemption.Replayed(entry.code()) : new Redemption.Redeemed(entry.code());
            return new Entry(entry.code(), true);
        });
        return outcome[0];
    }
}
