/**
 * The run engine: {@link io.kdg4j.core.run.Generator} paces generated records into a
 * {@link io.kdg4j.core.run.RecordSink} and accounts for every one of them (generated = acked + failed + in
 * flight), whatever the transport. Core ships sinks for standard output, files and memory; generator-aws adds
 * Kinesis and Firehose.
 */
package io.kdg4j.core.run;
