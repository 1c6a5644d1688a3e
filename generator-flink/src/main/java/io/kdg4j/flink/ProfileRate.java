package io.kdg4j.flink;

import io.kdg4j.core.rate.RateProfile;
import io.kdg4j.core.rate.Ticker;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiter;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;

/**
 * A kdg4j rate profile for a whole job, each of the job's {@code parallelism} subtasks pacing 1/parallelism of it
 * with kdg4j's limiter (which paces against the profile's integral, so no error builds up over a long run). Carried
 * as the profile's text, because a profile object is not serialisable.
 */
final class ProfileRate implements RateLimiterStrategy {
    private static final long serialVersionUID = 1L;
    private static final CompletableFuture<Void> NOW = CompletableFuture.completedFuture(null);

    private final String profile;

    ProfileRate(String profile) {
        if (profile.startsWith("periodic:file=")) {
            // the grid file would be read on each task manager, where it is not
            throw new IllegalArgumentException("a rate profile of a Flink job cannot read a file (" + profile
                    + "): use another profile, such as periodic:mean=M,spread=S or diurnal:min=A,max=B");
        }
        RateProfile.parse(profile); // fails here, on the client, if the text is not a profile
        this.profile = profile;
    }

    @Override
    public RateLimiter createRateLimiter(int parallelism) {
        return new SubtaskLimiter(RateProfile.parse(profile).scaled(1.0 / parallelism));
    }

    @Override
    public String toString() {
        return profile;
    }

    /**
     * A subtask's limiter. Flink asks it once per record on the reader's own thread, which must not block (it also
     * serves checkpoints): a record that is due is granted at once; otherwise a thread of its own waits for it.
     */
    private static final class SubtaskLimiter implements RateLimiter {
        private final io.kdg4j.core.rate.RateLimiter limiter;
        private ExecutorService waiter;

        SubtaskLimiter(RateProfile profile) {
            limiter = io.kdg4j.core.rate.RateLimiter.of(profile, 0, Ticker.system());
        }

        @Override
        public CompletionStage<Void> acquire() {
            if (limiter.tryAcquire(0)) {
                return NOW;
            }
            if (waiter == null) {
                waiter = Executors.newSingleThreadExecutor(task -> {
                    Thread thread = new Thread(task, "kdg4j-rate");
                    thread.setDaemon(true);
                    return thread;
                });
            }
            return CompletableFuture.runAsync(() -> limiter.acquire(0, () -> false), waiter);
        }
    }
}
