package io.kdg4j.local.internal.s3;

import io.kdg4j.local.internal.protocol.AwsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/**
 * Buckets and objects, in memory or, with a data directory, as plain files {@code DIR/<bucket>/<key>} that a person
 * can open. Object metadata (content type, ETag, time) is kept in memory either way. Thread-safe.
 */
public final class ObjectStore {
    /** An object's bytes and metadata. */
    public record StoredObject(String key, byte[] data, String etag, long lastModifiedMillis, String contentType) {
    }

    /** A listing entry. */
    public record Summary(String key, long size, String etag, long lastModifiedMillis) {
    }

    private final Path directory;
    private final Clock clock;
    private final ConcurrentSkipListMap<String, Long> buckets = new ConcurrentSkipListMap<>();
    private final Map<String, ConcurrentSkipListMap<String, StoredObject>> objects = new ConcurrentSkipListMap<>();

    private ObjectStore(Path directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /** A store in memory ({@code directory} null) or under {@code directory}, with its existing buckets. */
    public static ObjectStore create(Path directory, Clock clock) {
        ObjectStore store = new ObjectStore(directory, clock);
        if (directory != null) {
            try {
                Files.createDirectories(directory);
                try (Stream<Path> children = Files.list(directory)) {
                    children.filter(Files::isDirectory).forEach(bucket -> store.load(bucket));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot use data directory " + directory, e);
            }
        }
        return store;
    }

    private void load(Path bucketDirectory) {
        String bucket = bucketDirectory.getFileName().toString();
        buckets.put(bucket, clock.millis());
        ConcurrentSkipListMap<String, StoredObject> contents = new ConcurrentSkipListMap<>();
        objects.put(bucket, contents);
        try (Stream<Path> files = Files.walk(bucketDirectory)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                String key = bucketDirectory.relativize(file).toString().replace(file.getFileSystem().getSeparator(),
                        "/");
                try {
                    byte[] data = Files.readAllBytes(file);
                    contents.put(key, new StoredObject(key, null, etag(data),
                            Files.getLastModifiedTime(file).toMillis(), "application/octet-stream"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True when the bucket was made, false when it existed already. */
    public boolean createBucket(String bucket) {
        if (buckets.putIfAbsent(bucket, clock.millis()) != null) {
            return false;
        }
        objects.put(bucket, new ConcurrentSkipListMap<>());
        if (directory != null) {
            try {
                Files.createDirectories(directory.resolve(bucket));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return true;
    }

    public boolean bucketExists(String bucket) {
        return buckets.containsKey(bucket);
    }

    public Map<String, Long> buckets() {
        return Map.copyOf(buckets);
    }

    public List<String> bucketNames() {
        return new ArrayList<>(buckets.keySet());
    }

    /** Deletes an empty bucket; false when it is not empty. */
    public boolean deleteBucket(String bucket) {
        ConcurrentSkipListMap<String, StoredObject> contents = objects.get(bucket);
        if (contents != null && !contents.isEmpty()) {
            return false;
        }
        buckets.remove(bucket);
        objects.remove(bucket);
        if (directory != null) {
            try {
                Files.deleteIfExists(directory.resolve(bucket));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return true;
    }

    public StoredObject put(String bucket, String key, byte[] data, String contentType) {
        ConcurrentSkipListMap<String, StoredObject> contents = contents(bucket);
        StoredObject object = new StoredObject(key, directory == null ? data : null, etag(data), clock.millis(),
                contentType == null ? "application/octet-stream" : contentType);
        if (directory != null) {
            Path file = file(bucket, key);
            try {
                Files.createDirectories(file.getParent());
                Files.write(file, data);
            } catch (IOException e) {
                throw new AwsException("InternalError", 500, "cannot write " + file + ": " + e.getMessage());
            }
        }
        contents.put(key, object);
        return object;
    }

    /** The object with its bytes, or null. */
    public StoredObject get(String bucket, String key) {
        StoredObject object = contents(bucket).get(key);
        if (object == null || directory == null) {
            return object;
        }
        try {
            byte[] data = Files.readAllBytes(file(bucket, key));
            return new StoredObject(key, data, object.etag(), object.lastModifiedMillis(), object.contentType());
        } catch (IOException e) {
            return null;
        }
    }

    /** The object's metadata (without bytes), or null. */
    public StoredObject head(String bucket, String key) {
        return contents(bucket).get(key);
    }

    public long size(String bucket, String key) {
        StoredObject object = contents(bucket).get(key);
        if (object == null) {
            return -1;
        }
        if (object.data() != null) {
            return object.data().length;
        }
        try {
            return Files.size(file(bucket, key));
        } catch (IOException e) {
            return -1;
        }
    }

    public void delete(String bucket, String key) {
        if (contents(bucket).remove(key) != null && directory != null) {
            try {
                Files.deleteIfExists(file(bucket, key));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Keys under {@code prefix}, in order, after {@code startAfter} (exclusive; may be null). */
    public List<Summary> list(String bucket, String prefix, String startAfter, int max) {
        ConcurrentSkipListMap<String, StoredObject> contents = contents(bucket);
        List<Summary> summaries = new ArrayList<>();
        var tail = startAfter == null ? contents.tailMap(prefix, true) : contents.tailMap(startAfter, false);
        for (StoredObject object : tail.values()) {
            if (!object.key().startsWith(prefix)) {
                if (object.key().compareTo(prefix) > 0) {
                    break;
                }
                continue;
            }
            summaries.add(new Summary(object.key(), size(bucket, object.key()), object.etag(),
                    object.lastModifiedMillis()));
            if (summaries.size() >= max) {
                break;
            }
        }
        return summaries;
    }

    private ConcurrentSkipListMap<String, StoredObject> contents(String bucket) {
        ConcurrentSkipListMap<String, StoredObject> contents = objects.get(bucket);
        if (contents == null) {
            throw new AwsException("NoSuchBucket", 404, "The specified bucket does not exist");
        }
        return contents;
    }

    private Path file(String bucket, String key) {
        for (String segment : key.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".")) {
                throw new AwsException("InvalidArgument", 400, "key '" + key + "' has a '.' or '..' segment, which "
                        + "the kdg4j emulator cannot store as a file");
            }
        }
        Path file = directory.resolve(bucket).resolve(key).normalize();
        if (!file.startsWith(directory.resolve(bucket))) {
            throw new AwsException("InvalidArgument", 400, "key '" + key + "' escapes its bucket");
        }
        return file;
    }

    static String etag(byte[] data) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    }
}
