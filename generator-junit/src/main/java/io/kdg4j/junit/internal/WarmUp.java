package io.kdg4j.junit.internal;

import io.kdg4j.aws.AwsEndpoint;
import io.kdg4j.aws.KinesisSink;
import io.kdg4j.core.Fields;
import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.run.Generator;
import io.kdg4j.core.run.GeneratorRun;
import io.kdg4j.junit.KinesisExtension;
import io.kdg4j.junit.KinesisGenerator;
import io.kdg4j.junit.KinesisTest;
import io.kdg4j.local.LocalConfig;
import io.kdg4j.local.LocalEmulator;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.MethodSelector;
import org.junit.platform.engine.discovery.NestedClassSelector;
import org.junit.platform.engine.discovery.NestedMethodSelector;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;

/**
 * Sends a few records through a throwaway embedded emulator on a background thread while JUnit is still
 * discovering tests, when the tests asked for include a kdg4j class: one annotated {@code @KinesisTest}, with a
 * {@code @KinesisGenerator} field or a static {@link KinesisExtension} field, or nested in such a class. In a fresh
 * JVM the first such class spends most of its start loading classes (Netty, the SDK's client, its marshallers and
 * signer, the sink); discovery leaves a core idle, and this uses it, so that those classes are loaded, or being
 * loaded, when the class starts. It shares nothing with the tests: its emulator, client and stream are its own and
 * closed when it ends.
 *
 * <p>Registered through {@code META-INF/services}; off with the configuration parameter
 * {@value KinesisExtension#WARM_UP}{@code =false}. Runs once per JVM, for the first discovery request that names a
 * kdg4j class (and again for a later one if it failed). Failures are otherwise ignored: the tests then load the
 * same classes themselves.
 */
public final class WarmUp implements LauncherDiscoveryListener {
    private static final AtomicBoolean STARTED = new AtomicBoolean();
    private static final String STREAM = "kdg4j-warm-up";
    private static final int RECORDS = 20;

    @Override
    public void launcherDiscoveryStarted(LauncherDiscoveryRequest request) {
        List<String> classNames = candidates(request);
        if (!classNames.isEmpty() && STARTED.compareAndSet(false, true)) {
            start(classNames, Thread.currentThread().getContextClassLoader()).thenAccept(ran -> {
                if (!ran) {
                    // nothing warmed up (no kdg4j class here, or it failed): a later request may try
                    STARTED.set(false);
                }
            });
        }
    }

    /** The classes a warm-up is worth checking: those the request names, none when the warm-up is off. */
    static List<String> candidates(LauncherDiscoveryRequest request) {
        if (!request.getConfigurationParameters().getBoolean(KinesisExtension.WARM_UP).orElse(true)) {
            return List.of();
        }
        return classNames(request);
    }

    /**
     * Starts the warm-up on a daemon thread: it runs when one of {@code classNames} uses kdg4j. The future is true
     * when it ran and its records were acked, false when no class uses kdg4j or it failed.
     */
    static CompletableFuture<Boolean> start(List<String> classNames, ClassLoader loader) {
        CompletableFuture<Boolean> outcome = new CompletableFuture<>();
        Thread thread = new Thread(() -> outcome.complete(usesKinesis(classNames, loader) && warmUp()),
                "kdg4j-warm-up");
        thread.setDaemon(true);
        thread.setContextClassLoader(loader);
        thread.start();
        return outcome;
    }

    /** The classes the request names (only names: loading them is left to the background thread). */
    private static List<String> classNames(LauncherDiscoveryRequest request) {
        List<String> names = new ArrayList<>();
        request.getSelectorsByType(ClassSelector.class).forEach(s -> names.add(s.getClassName()));
        request.getSelectorsByType(MethodSelector.class).forEach(s -> names.add(s.getClassName()));
        request.getSelectorsByType(NestedClassSelector.class).forEach(s -> names.add(s.getNestedClassName()));
        request.getSelectorsByType(NestedMethodSelector.class).forEach(s -> names.add(s.getNestedClassName()));
        return names;
    }

    private static boolean usesKinesis(List<String> classNames, ClassLoader loader) {
        for (String name : classNames) {
            try {
                for (Class<?> type = Class.forName(name, false, loader); type != null;
                     type = type.getEnclosingClass()) {
                    if (usesKinesis(type)) {
                        return true;
                    }
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // JUnit reports classes that cannot be loaded; here they only do not count
            }
        }
        return false;
    }

    static boolean usesKinesis(Class<?> type) {
        if (AnnotationSupport.isAnnotated(type, KinesisTest.class)
                || !AnnotationSupport.findAnnotatedFields(type, KinesisGenerator.class, field -> true).isEmpty()) {
            return true;
        }
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == KinesisExtension.class) {
                return true;
            }
        }
        return false;
    }

    private static boolean warmUp() {
        // The class under test starts its emulator first, then builds its client: the client is built here first
        // (to a port chosen beforehand), so that the two load different classes at the same time on two cores. A
        // port taken meanwhile only makes the warm-up fail, which costs nothing.
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        } catch (IOException e) {
            return false;
        }
        LocalConfig config = LocalConfig.builder().port(port).build();
        AwsEndpoint endpoint = AwsEndpoint.of(URI.create("http://127.0.0.1:" + port), Region.of(config.region()),
                LocalEmulator.ACCESS_KEY_ID, LocalEmulator.SECRET_ACCESS_KEY);
        try (KinesisAsyncClient kinesisAsync = endpoint.kinesisAsync(4);
             LocalEmulator emulator = LocalEmulator.start(config);
             KinesisSink sink = KinesisSink.builder(kinesisAsync, STREAM).build()) {
            // the first call loads the request path (marshalling, signing, the HTTP/2 connection) while the stream
            // is made and the generator starts
            CompletableFuture<?> firstCall = kinesisAsync.listStreams(b -> b.limit(1));
            emulator.createStreamIfAbsent(STREAM, 1);
            GeneratorRun run = Generator.from(RecordSchema.of(Fields.sequence())).seed(1).limit(RECORDS).to(sink)
                    .start();
            firstCall.join();
            return run.awaitCompletion(Duration.ofSeconds(30)).acked() == RECORDS;
        } catch (Exception | LinkageError e) {
            return false;
        }
    }
}
