package dev.portcullis.bootstrap;

import static dev.portcullis.bootstrap.RunningServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What the outage soak tests share: load threads, the record of every answer, and the checks on
 * them (only 2xx or 503 {@code temporarily_unavailable}; everything succeeds {@link #RECOVERY}
 * after the backend is back; no platform thread left behind).
 */
final class OutageSoak {

    /** How soon after the backend's return every request must succeed again. */
    static final Duration RECOVERY = Duration.ofSeconds(5);

    /** Prefixes of the threads the test itself runs, which the leak count leaves out. */
    private static final List<String> TEST_THREADS = List.of("HttpClient-", "load-", "warm-");

    /** One answer: when its request was sent ({@link System#nanoTime()}), what it was, and how it ended. */
    record Outcome(long sentAt, String what, int status, String error) {

        boolean succeeded() {
            return status >= 200 && status < 300;
        }
    }

    /** How the test takes its backend off the network and brings it back on the same address. */
    record Outage(Runnable stop, Runnable restart) {}

    final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();

    /**
     * 4 threads of {@code iteration} for about 3.5 s, through a 1 s outage, so that the client's and
     * server's pools are at size and any reconnection machinery that starts lazily has started
     * before anything is counted. Their outcomes are forgotten.
     */
    void warmUpThroughAnOutage(Outage outage, Runnable iteration) throws InterruptedException {
        throughAnOutage("warm", outage, iteration, 1_000, 1_000, 1_500);
        outcomes.clear();
        Thread.sleep(200);
    }

    /**
     * 4 threads of {@code iteration} for about 11.5 s: 2 s, a 3 s outage, then {@link #RECOVERY} and 1.5 s more.
     *
     * @return when the backend was back ({@link System#nanoTime()})
     */
    long soakThroughAnOutage(Outage outage, Runnable iteration) throws InterruptedException {
        return throughAnOutage("load", outage, iteration, 2_000, 3_000, RECOVERY.toMillis() + 1_500);
    }

    private static long throughAnOutage(String name, Outage outage, Runnable iteration, long upMillis, long downMillis,
            long backMillis) throws InterruptedException {
        Load load = new Load(name, 4, iteration);
        Thread.sleep(upMillis);
        outage.stop().run();
        Thread.sleep(downMillis);
        outage.restart().run();
        long backAt = System.nanoTime();
        Thread.sleep(backMillis);
        load.stop();
        return backAt;
    }

    /** Records the answer to a request sent at {@code sentAt}, and returns it. */
    HttpResponse<String> record(long sentAt, String what, HttpResponse<String> response) {
        String error = response.statusCode() / 100 == 2 ? null : json(response).path("error").asText(null);
        outcomes.add(new Outcome(sentAt, what, response.statusCode(), error));
        return response;
    }

    /** {@code iteration} over and over on platform threads named {@code name-i}, until stopped. */
    private static final class Load {

        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();

        private Load(String name, int count, Runnable iteration) {
            for (int t = 0; t < count; t++) {
                threads.add(Thread.ofPlatform().name(name + "-" + t).start(() -> {
                    while (running.get()) {
                        iteration.run();
                    }
                }));
            }
        }

        /** Lets each thread finish its iteration, and waits for it. */
        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(Duration.ofSeconds(30));
            }
        }
    }

    /**
     * Every answer recorded: only 2xx or 503 {@code temporarily_unavailable}, and some 503s (the
     * outage was seen); every request sent {@link #RECOVERY} after {@code backAt} succeeded.
     *
     * @return the answers to the requests sent {@link #RECOVERY} after {@code backAt}
     */
    List<Outcome> assertOnlyOutageErrorsAndRecoveryAfter(long backAt) {
        List<Outcome> all = List.copyOf(outcomes);
        assertThat(all).hasSizeGreaterThan(20);
        assertThat(all).as("only 2xx, or 503 temporarily_unavailable")
                .allSatisfy(o -> assertThat(o.succeeded()
                        || (o.status() == 503 && "temporarily_unavailable".equals(o.error()))).as(o.toString()).isTrue());
        assertThat(all).as("some requests hit the outage").anyMatch(o -> o.status() == 503);
        List<Outcome> afterRecovery = all.stream().filter(o -> o.sentAt() > backAt + RECOVERY.toNanos()).toList();
        assertThat(afterRecovery).as("requests sent %d s after the backend is back", RECOVERY.toSeconds()).isNotEmpty()
                .allSatisfy(o -> assertThat(o.succeeded()).as(o.toString()).isTrue());
        return afterRecovery;
    }

    /**
     * The live platform threads, by name and id, but the test's own: its HTTP client's workers,
     * its load threads, and those whose names start with {@code alsoIgnored} (virtual threads are not listed).
     */
    static Set<String> threadNames(String... alsoIgnored) {
        List<String> ignored = new ArrayList<>(TEST_THREADS);
        ignored.addAll(List.of(alsoIgnored));
        Set<String> names = new TreeSet<>();
        for (var info : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
            String name = info.getThreadName();
            if (ignored.stream().noneMatch(name::startsWith)) {
                names.add(name + "#" + info.getThreadId());
            }
        }
        return names;
    }

    /** No more than 2 more threads than {@code before}, naming the new ones if there are. */
    static void assertNoThreadLeak(Set<String> before, Set<String> after) {
        Set<String> added = new TreeSet<>(after);
        added.removeAll(before);
        assertThat(after.size()).as("platform threads before %d, after %d; new: %s", before.size(), after.size(), added)
                .isLessThanOrEqualTo(before.size() + 2);
    }
}
