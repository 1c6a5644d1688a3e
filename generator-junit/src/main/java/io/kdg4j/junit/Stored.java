package io.kdg4j.junit;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A value kept in the extension's store and closed with it, on every JUnit from 5.10: JUnit 5.13 and later close
 * stored {@code AutoCloseable}s, earlier versions only {@code CloseableResource}s. The values themselves
 * ({@code StartedBackend}, also used by {@code KinesisFixture} outside JUnit) need not know about JUnit.
 */
@SuppressWarnings("deprecation") // CloseableResource: the only kind JUnit 5.10 to 5.12 closes
record Stored<T extends AutoCloseable>(T value) implements AutoCloseable, ExtensionContext.Store.CloseableResource {
    @Override
    public void close() throws Exception {
        value.close();
    }
}
