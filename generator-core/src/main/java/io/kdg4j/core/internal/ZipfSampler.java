package io.kdg4j.core.internal;

/**
 * Zipf's law over ranks 1..n with exponent s: P(k) is proportional to 1 / k^s.
 *
 * <p>Sampled by rejection-inversion (W. Hörmann and G. Derflinger, "Rejection-inversion to generate variates
 * from monotone discrete distributions", 1996): O(1) memory and expected time for any n, where a cumulative
 * table would cost n doubles and a binary search. The continuous hat function h(x) = x^-s is integrated
 * in closed form; a draw inverts that integral and accepts the nearest rank when it falls under the true mass.
 *
 * <p>Immutable and thread-safe.
 */
public final class ZipfSampler {
    private final long n;
    private final double exponent;
    private final double integralOfFirstHalf;
    private final double integralUpToN;
    private final double squeeze;

    public ZipfSampler(long n, double exponent) {
        this.n = n;
        this.exponent = exponent;
        this.integralOfFirstHalf = hIntegral(1.5) - 1.0;
        this.integralUpToN = hIntegral(n + 0.5);
        this.squeeze = 2.0 - hIntegralInverse(hIntegral(2.5) - h(2.0));
    }

    /** A rank in [1, n]. */
    public long sample(Rng rng) {
        while (true) {
            double u = integralUpToN + rng.nextDouble() * (integralOfFirstHalf - integralUpToN);
            double x = hIntegralInverse(u);
            long k = (long) (x + 0.5);
            if (k < 1) {
                k = 1;
            } else if (k > n) {
                k = n;
            }
            if (k - x <= squeeze || u >= hIntegral(k + 0.5) - h(k)) {
                return k;
            }
        }
    }

    private double h(double x) {
        return Math.exp(-exponent * Math.log(x));
    }

    /** Antiderivative of h: (x^(1-s) - 1) / (1-s), written to stay accurate as s approaches 1. */
    private double hIntegral(double x) {
        double logX = Math.log(x);
        return expm1OverX((1.0 - exponent) * logX) * logX;
    }

    private double hIntegralInverse(double x) {
        double t = x * (1.0 - exponent);
        if (t < -1.0) {
            t = -1.0; // guards rounding at the far tail
        }
        return Math.exp(log1pOverX(t) * x);
    }

    private static double expm1OverX(double x) {
        return Math.abs(x) > 1e-8 ? Math.expm1(x) / x : 1.0 + x * 0.5 * (1.0 + x / 3.0 * (1.0 + 0.25 * x));
    }

    private static double log1pOverX(double x) {
        return Math.abs(x) > 1e-8 ? Math.log1p(x) / x : 1.0 - x * (0.5 - x * (1.0 / 3.0 - 0.25 * x));
    }
}
