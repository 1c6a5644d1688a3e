/**
 * Rate control: {@link io.kdg4j.core.rate.RateProfile} says how many records per second a run should send at
 * each moment (constant, ramps, steps, sine waves, bursts), {@link io.kdg4j.core.rate.RateLimiter} paces a
 * producer to it, and {@link io.kdg4j.core.rate.Ticker} is the time source tests replace with a manual clock.
 */
package io.kdg4j.core.rate;
