package io.kdg4j.junit;

import io.kdg4j.junit.internal.Created;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One test's generators and what was created for it, in the test's store: on close the generators stop first,
 * then the created resources are deleted.
 */
@SuppressWarnings("deprecation") // CloseableResource: the only kind JUnit 5.10 to 5.12 closes
final class TestResources implements AutoCloseable, ExtensionContext.Store.CloseableResource {
    private final List<RunningGenerator> generators = new ArrayList<>();
    private final Created created;

    TestResources(Created created) {
        this.created = created;
    }

    Created created() {
        return created;
    }

    synchronized void add(RunningGenerator generator) {
        generators.add(generator);
    }

    /** "kdg4j seeds: orders=11 ...", or empty when the test has no generator. */
    synchronized String seedReport() {
        if (generators.isEmpty()) {
            return "";
        }
        StringBuilder seeds = new StringBuilder("kdg4j seeds:");
        for (RunningGenerator generator : generators) {
            seeds.append(' ').append(generator.destination()).append('=').append(generator.seed());
        }
        return seeds.append(" (put seed = \"...\" on @KinesisGenerator to replay)").toString();
    }

    @Override
    public synchronized void close() throws Exception {
        Exception first = null;
        for (RunningGenerator generator : generators) {
            try {
                generator.close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        created.close();
        if (first != null) {
            throw first;
        }
    }
}
