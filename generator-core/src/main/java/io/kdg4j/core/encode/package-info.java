/**
 * Encoders turn a generated {@link io.kdg4j.core.record.RecordTape} into bytes: JSON, JSON Lines, CSV and raw
 * text. Get them from {@link io.kdg4j.core.encode.Encoders}.
 */
package io.kdg4j.core.encode;
