/**
 * Ready-made schemas for the situations users come with: {@code sakila}, {@code randomuser}, {@code atm},
 * {@code clickstream}, {@code iot}, {@code apache-log}, {@code security}. See {@link io.kdg4j.core.preset.Presets}.
 */
package io.kdg4j.core.preset;
