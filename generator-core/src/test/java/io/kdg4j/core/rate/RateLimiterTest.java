package io.kdg4j.core.rate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final ManualTicker ticker = new ManualTicker();

    /** Sends until the manual clock reaches {@code seconds}; returns how many went. */
    private long sendFor(RateLimiter limiter, double seconds, int bytes) {
        long deadline = (long) (seconds * 1e9);
        long sent = 0;
        while (limiter.acquire(bytes, () -> ticker.nanoTime() >= deadline)) {
            sent++;
        }
        return sent;
    }

    @ParameterizedTest
    @ValueSource(ints = {1_000, 5_000, 20_000})
    void constantRate_over10Seconds_isWithinOneRecordOfTarget(int rate) {
        RateLimiter limiter = RateLimiter.of(RateProfile.constant(rate), 0, ticker);
        long sent = sendFor(limiter, 10, 100);
        assertThat((double) sent).isCloseTo(rate * 10.0, within(1.0));
    }

    @Test
    void tryAcquire_grantsWhatIsDue_andRefusesTheRest_withoutWaiting() {
        RateLimiter limiter = RateLimiter.of(RateProfile.constant(1_000), 0, ticker);
        assertThat(limiter.tryAcquire(10)).isTrue(); // record 0 is due at the start
        assertThat(limiter.tryAcquire(10)).isFalse(); // record 1 is due at 1 ms
        assertThat(ticker.nanoTime()).isZero();
        ticker.sleep(10_500_000); // 10.5 ms: records 1 to 10 fall due
        int granted = 0;
        while (limiter.tryAcquire(10)) {
            granted++;
        }
        assertThat(granted).isEqualTo(10);
        assertThat(limiter.granted()).isEqualTo(11);
    }

    @Test
    void records_areSpreadInsideTheSecond_notSentInOneBurst() {
        RateLimiter limiter = RateLimiter.of(RateProfile.constant(1_000), 0, ticker);
        long[] sentAt = new long[1_000];
        for (int i = 0; i < sentAt.length; i++) {
            limiter.acquire(10, () -> false);
            sentAt[i] = ticker.nanoTime();
        }
        // record k goes at k milliseconds (give or take the 1 µs sleep granularity)
        assertThat(sentAt[500]).isCloseTo(500_000_000L, within(2_000L));
        assertThat(sentAt[999]).isCloseTo(999_000_000L, within(2_000L));
    }

    @Test
    void lateWakeUps_doNotDrift_overAnHour() {
        // a sleeper that always oversleeps by 3 ms, like a loaded machine
        Ticker sloppy = new Ticker() {
            @Override
            public long nanoTime() {
                return ticker.nanoTime();
            }

            @Override
            public void sleep(long nanos) {
                ticker.sleep(nanos + 3_000_000);
            }
        };
        RateLimiter limiter = RateLimiter.of(RateProfile.constant(200), 0, sloppy);
        long deadline = 3_600_000_000_000L;
        long sent = 0;
        while (limiter.acquire(10, () -> ticker.nanoTime() >= deadline)) {
            sent++;
        }
        assertThat((double) sent).isCloseTo(200 * 3600.0, within(2.0));
    }

    @Test
    void ramp_followsTheIntegralOfTheProfile() {
        RateProfile ramp = RateProfile.ramp(0, 2_000, Duration.ofSeconds(10));
        RateLimiter limiter = RateLimiter.of(ramp, 0, ticker);
        // 10 s ramp 0 -> 2000 is 10,000 records, then 5 s at 2,000 is 10,000 more
        long duringRamp = sendFor(limiter, 10, 1);
        long after = sendFor(limiter, 15, 1);
        assertThat((double) duringRamp).isCloseTo(10_000, within(2.0));
        assertThat((double) duringRamp + after).isCloseTo(20_000, within(2.0));
    }

    @Test
    void byteCap_limitsBelowTheRecordRate() {
        RateLimiter limiter = RateLimiter.of(RateProfile.constant(10_000), 100_000, ticker);
        // 1,000-byte records at 100,000 bytes/s: 100 records/s whatever the record rate
        assertThat((double) sendFor(limiter, 10, 1_000)).isCloseTo(1_000, within(2.0));
    }

    @Test
    void afterAStall_atMostOneSecondOfRecordsIsReleasedAtOnce() {
        RateLimiter limiter = RateLimiter.of(RateProfile.constant(100), 0, ticker);
        limiter.acquire(1, () -> false);
        ticker.advance(60_000_000_000L);  // the sink stalled for a minute
        long burstStart = ticker.nanoTime();
        long atOnce = 0;
        while (limiter.acquire(1, () -> false) && ticker.nanoTime() == burstStart) {
            atOnce++;
        }
        assertThat(atOnce).isBetween(100L, 101L);
    }

    @Test
    void unlimited_neverSleeps() {
        RateLimiter limiter = RateLimiter.of(RateProfile.unlimited(), 0, ticker);
        for (int i = 0; i < 100_000; i++) {
            assertThat(limiter.acquire(100, () -> false)).isTrue();
        }
        assertThat(ticker.sleeps()).isZero();
    }

    @Test
    void cancelled_returnsFalseWithoutCounting() {
        RateLimiter limiter = RateLimiter.of(RateProfile.constant(1), 0, ticker);
        assertThat(limiter.acquire(1, () -> false)).isTrue();
        assertThat(limiter.acquire(1, () -> true)).isFalse();
        assertThat(limiter.granted()).isEqualTo(1);
    }
}
