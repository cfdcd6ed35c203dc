package dev.portcullis.application.port.out.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs several callers at the same moment, on their own platform threads, and collects what each got. */
public final class Race {

    private Race() {}

    /** {@code threads} callers of the same action, released together. */
    public static <T> List<T> run(int threads, Callable<T> action) {
        return run(threads, i -> action);
    }

    /** {@code threads} callers, caller {@code i} running {@code actions.apply(i)}, released together. */
    public static <T> List<T> run(int threads, IntFunction<Callable<T>> actions) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<T> action = actions.apply(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return action.call();
                }));
            }
            if (!ready.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the racers did not start");
            }
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } catch (Exception e) {
            throw new AssertionError("a racer failed", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
