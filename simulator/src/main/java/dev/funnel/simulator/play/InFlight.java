package dev.funnel.simulator.play;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The requests under way, each on a virtual thread, at most {@code limit} at once: when the funnel
 * slows down, the simulation waits for a free place instead of piling up requests without end.
 */
final class InFlight implements AutoCloseable {

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore places;
    private final int limit;

    InFlight(int limit) {
        this.limit = limit;
        this.places = new Semaphore(limit);
    }

    void dispatch(Runnable request) {
        places.acquireUninterruptibly();
        threads.execute(() -> {
            try {
                request.run();
            } catch (RuntimeException e) {
                System.err.println("simulator: a request failed unexpectedly: " + e);
            } finally {
                places.release();
            }
        });
    }

    int underWay() {
        return limit - places.availablePermits();
    }

    /** Waits until nothing is under way; false when {@code timeout} passed first. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        if (places.tryAcquire(limit, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            places.release(limit);
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
