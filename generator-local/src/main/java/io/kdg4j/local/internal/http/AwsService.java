package io.kdg4j.local.internal.http;

/** A service behind the emulator's port. Implementations are thread-safe: requests arrive on many threads. */
public interface AwsService {
    AwsResponse handle(AwsRequest request);
}
