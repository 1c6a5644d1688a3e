package io.kdg4j.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link LocalEmulator} listens, stores and misbehaves. Immutable; build one with {@link #builder()} or
 * take {@link #ofDefaults()}: an ephemeral port on 127.0.0.1, in memory, region us-east-1, streams ACTIVE 50 ms
 * after CreateStream, no shard limits, no faults.
 *
 * @param port the TCP port; 0 picks a free one
 * @param bindAddress the address to listen on; 127.0.0.1 unless you mean to expose the emulator
 * @param dataDirectory where S3 objects live as plain files ({@code DIR/<bucket>/<key>}); null keeps them in memory
 * @param region the region the emulator claims to be (ARNs, responses)
 * @param creationDelay how long streams stay CREATING before they are ACTIVE
 * @param enforceShardLimits whether each shard admits at most 1 MiB/s and 1,000 records/s of writes, answering
 *     ProvisionedThroughputExceededException beyond (token buckets, like the service)
 * @param faults failures to inject on purpose
 * @param retention how long Kinesis records are kept at most (trimmed like the service's retention)
 * @param maxStoredBytes the most record bytes all Kinesis streams keep together; the oldest are trimmed beyond.
 *     Records are kept in 1 MiB blocks as they arrived, so the memory they hold is at most this plus 16 MiB, also
 *     when few records of each request were stored
 * @param maxRequestBytes the largest request body accepted; larger ones get an AWS-shaped 413 error
 */
public record LocalConfig(int port, String bindAddress, Path dataDirectory, String region, Duration creationDelay,
                          boolean enforceShardLimits, Faults faults, Duration retention, long maxStoredBytes,
                          int maxRequestBytes) {

    public static final String DEFAULT_BIND_ADDRESS = "127.0.0.1";
    public static final String DEFAULT_REGION = "us-east-1";
    public static final Duration DEFAULT_CREATION_DELAY = Duration.ofMillis(50);
    public static final long DEFAULT_MAX_STORED_BYTES = 512L * 1024 * 1024;
    public static final int DEFAULT_MAX_REQUEST_BYTES = 16 * 1024 * 1024;

    public LocalConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in [0, 65535] but was " + port);
        }
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(faults, "faults");
        requireNotNegative(creationDelay, "creationDelay");
        requireNotNegative(retention, "retention");
        if (maxStoredBytes < 1) {
            throw new IllegalArgumentException("maxStoredBytes must be positive but was " + maxStoredBytes);
        }
        if (maxRequestBytes < 1024) {
            throw new IllegalArgumentException("maxRequestBytes must be at least 1024 but was " + maxRequestBytes);
        }
    }

    private static void requireNotNegative(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative but was " + duration);
        }
    }

    public static LocalConfig ofDefaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.port = port;
        b.bindAddress = bindAddress;
        b.dataDirectory = dataDirectory;
        b.region = region;
        b.creationDelay = creationDelay;
        b.enforceShardLimits = enforceShardLimits;
        b.faults = faults;
        b.retention = retention;
        b.maxStoredBytes = maxStoredBytes;
        b.maxRequestBytes = maxRequestBytes;
        return b;
    }

    /** Builds a {@link LocalConfig}; every setter checks its argument at once. */
    public static final class Builder {
        private int port;
        private String bindAddress = DEFAULT_BIND_ADDRESS;
        private Path dataDirectory;
        private String region = DEFAULT_REGION;
        private Duration creationDelay = DEFAULT_CREATION_DELAY;
        private boolean enforceShardLimits;
        private Faults faults = Faults.NONE;
        private Duration retention = Duration.ofHours(24);
        private long maxStoredBytes = DEFAULT_MAX_STORED_BYTES;
        private int maxRequestBytes = DEFAULT_MAX_REQUEST_BYTES;

        private Builder() {
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder bindAddress(String bindAddress) {
            this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
            return this;
        }

        public Builder dataDirectory(Path dataDirectory) {
            this.dataDirectory = dataDirectory;
            return this;
        }

        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        public Builder creationDelay(Duration creationDelay) {
            this.creationDelay = creationDelay;
            return this;
        }

        public Builder enforceShardLimits(boolean enforce) {
            this.enforceShardLimits = enforce;
            return this;
        }

        public Builder faults(Faults faults) {
            this.faults = Objects.requireNonNull(faults, "faults");
            return this;
        }

        public Builder retention(Duration retention) {
            this.retention = retention;
            return this;
        }

        public Builder maxStoredBytes(long maxStoredBytes) {
            this.maxStoredBytes = maxStoredBytes;
            return this;
        }

        public Builder maxRequestBytes(int maxRequestBytes) {
            this.maxRequestBytes = maxRequestBytes;
            return this;
        }

        public LocalConfig build() {
            return new LocalConfig(port, bindAddress, dataDirectory, region, creationDelay, enforceShardLimits,
                    faults, retention, maxStoredBytes, maxRequestBytes);
        }
    }
}
