/**
 * The in-memory form of one generated record ({@link io.kdg4j.core.record.RecordTape}) and the byte buffer
 * encoders write into ({@link io.kdg4j.core.record.ByteOutput}).
 */
package io.kdg4j.core.record;
