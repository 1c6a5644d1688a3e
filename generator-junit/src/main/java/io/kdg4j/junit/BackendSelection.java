package io.kdg4j.junit;

import io.kdg4j.aws.AwsEndpoint;
import io.kdg4j.junit.internal.Backends;
import io.kdg4j.junit.internal.LocalStackBackend;
import io.kdg4j.junit.internal.StartedBackend;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * Chooses a test class's backend, starts it once for as long as it should live, and gives the class its clients.
 * LocalStack and endpoint backends live in the root store (one per run); an embedded emulator in the class's
 * store (one per class, so classes never see each other's streams). {@code auto} takes LocalStack when Docker
 * answers and LocalStack starts, else the emulator, and says which and why once per run.
 */
final class BackendSelection {
    private static final System.Logger LOG = System.getLogger(KinesisExtension.class.getName());

    private final Backend backendOverride;
    private final String imageOverride;
    private final String endpointOverride;
    private final BooleanSupplier docker;
    private final Function<LocalStackBackend.Settings, StartedBackend> localStack;

    BackendSelection(Backend backend, String image, String endpoint) {
        this(backend, image, endpoint, Backends::dockerAvailable, LocalStackBackend::start);
    }

    /** With the Docker check and the LocalStack start given, so that tests can make them fail. */
    BackendSelection(Backend backend, String image, String endpoint, BooleanSupplier docker,
                     Function<LocalStackBackend.Settings, StartedBackend> localStack) {
        this.backendOverride = backend;
        this.imageOverride = image;
        this.endpointOverride = endpoint;
        this.docker = docker;
        this.localStack = localStack;
    }

    private record BackendKey(Backend backend, String scope) {
    }

    private record AutoChoiceKey() {
    }

    private record ClientsKey() {
    }

    /** What {@code auto} chose for this run, and the LocalStack it started if it chose LocalStack. */
    private record AutoChoice(Backend backend, StartedBackend started, String reason) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (started != null) {
                started.close();
            }
        }
    }

    /** The clients of the class {@code context} belongs to, on its backend. */
    ClassClients clients(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        StartedBackend started = backend(context);
        AwsEndpoint endpoint = started.endpoint();
        if (started.name().equals("localstack") && accountPerClass(context)) {
            // LocalStack keeps each account apart and takes a 12-digit access key as the account: one account per
            // class keeps classes that run in parallel from seeing each other's streams under the same names
            endpoint = AwsEndpoint.of(endpoint.endpoint(), endpoint.region(), accountOf(classContext.getUniqueId()),
                    "test");
        }
        AwsEndpoint chosen = endpoint;
        return classContext.getStore(KinesisExtension.NAMESPACE).getOrComputeIfAbsent(new ClientsKey(),
                key -> new ClassClients(chosen), ClassClients.class);
    }

    /** Whether classes share buckets' namespace with other classes running at the same time (LocalStack). */
    boolean bucketsAreShared(ExtensionContext context) {
        return backend(context).name().equals("localstack");
    }

    StartedBackend backend(ExtensionContext context) {
        Backend chosen = chosenBackend(context);
        ExtensionContext.Store root = context.getRoot().getStore(KinesisExtension.NAMESPACE);
        switch (chosen) {
            case EMBEDDED:
                return embedded(context);
            case LOCALSTACK: {
                LocalStackBackend.Settings settings = settings(context);
                if (!docker.getAsBoolean() && skipWithoutDocker(context)) {
                    root.getOrComputeIfAbsent("kdg4j.skipNotice", key -> {
                        LOG.log(System.Logger.Level.WARNING, "kdg4j: no Docker engine answers: the tests on the "
                                + "localstack backend are skipped");
                        return Boolean.TRUE;
                    });
                    throw new TestAbortedException("no Docker engine answers: LocalStack tests skipped");
                }
                return (StartedBackend) root.getOrComputeIfAbsent(new BackendKey(Backend.LOCALSTACK,
                        settings.image()), key -> {
                    try {
                        return new Stored<>(localStack.apply(settings));
                    } catch (RuntimeException | LinkageError e) {
                        throw new ExtensionConfigurationException("kdg4j: LocalStack (" + settings.image()
                                + ") could not start: " + reason(e), e);
                    }
                }, Stored.class).value();
            }
            case ENDPOINT: {
                String url = endpointOverride != null ? endpointOverride
                        : context.getConfigurationParameter(KinesisExtension.ENDPOINT).orElse(null);
                String region = context.getConfigurationParameter(KinesisExtension.REGION).orElse("us-east-1");
                return (StartedBackend) root.getOrComputeIfAbsent(new BackendKey(Backend.ENDPOINT, url + "|" + region),
                        key -> new Stored<>(Backends.endpoint(url, region)), Stored.class).value();
            }
            default: {
                AutoChoice choice = (AutoChoice) root.getOrComputeIfAbsent(new AutoChoiceKey(),
                        key -> new Stored<>(choose(settings(context))), Stored.class).value();
                return choice.backend() == Backend.LOCALSTACK ? choice.started() : embedded(context);
            }
        }
    }

    private AutoChoice choose(LocalStackBackend.Settings settings) {
        AutoChoice choice;
        if (!docker.getAsBoolean()) {
            choice = new AutoChoice(Backend.EMBEDDED, null, "no Docker engine answered");
        } else {
            try {
                choice = new AutoChoice(Backend.LOCALSTACK, localStack.apply(settings), "Docker is available");
            } catch (RuntimeException | LinkageError e) {
                choice = new AutoChoice(Backend.EMBEDDED, null, "LocalStack (" + settings.image()
                        + ") could not start: " + reason(e));
            }
        }
        LOG.log(System.Logger.Level.INFO, "kdg4j: backend auto chose " + choice.backend().name()
                .toLowerCase(Locale.ROOT) + " (" + choice.reason() + ")");
        return choice;
    }

    /** The innermost message: Testcontainers wraps the cause (a pull failure, Ryuk, a timeout) several times. */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + ": " + root.getMessage();
        return root == e ? text : e.getMessage() + " (" + text + ")";
    }

    private StartedBackend embedded(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        return (StartedBackend) classContext.getStore(KinesisExtension.NAMESPACE).getOrComputeIfAbsent(
                new BackendKey(Backend.EMBEDDED, classContext.getUniqueId()), key -> new Stored<>(Backends.embedded()),
                Stored.class).value();
    }

    private LocalStackBackend.Settings settings(ExtensionContext context) {
        String image = imageOverride != null ? imageOverride : context.getConfigurationParameter(
                KinesisExtension.LOCALSTACK_IMAGE).orElse(KinesisExtension.DEFAULT_LOCALSTACK_IMAGE);
        Path cache = context.getConfigurationParameter(KinesisExtension.LOCALSTACK_CACHE_DIR).map(Path::of)
                .orElse(null);
        return LocalStackBackend.Settings.of(image, cache);
    }

    private static boolean accountPerClass(ExtensionContext context) {
        return context.getConfigurationParameter(KinesisExtension.LOCALSTACK_ACCOUNT_PER_CLASS)
                .map(Boolean::parseBoolean).orElse(true);
    }

    private static boolean skipWithoutDocker(ExtensionContext context) {
        return context.getConfigurationParameter(KinesisExtension.LOCALSTACK_SKIP_WITHOUT_DOCKER)
                .map(Boolean::parseBoolean).orElse(false);
    }

    Backend chosenBackend(ExtensionContext context) {
        Backend declared = backendOverride != null ? backendOverride
                : context.getRequiredTestClass().isAnnotationPresent(KinesisTest.class)
                ? context.getRequiredTestClass().getAnnotation(KinesisTest.class).backend() : Backend.CONFIGURED;
        if (declared == Backend.CONFIGURED) {
            String configured = context.getConfigurationParameter(KinesisExtension.BACKEND).orElse("auto").trim();
            try {
                declared = Backend.valueOf(configured.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException(KinesisExtension.BACKEND + " must be auto, embedded, "
                        + "localstack or endpoint but was '" + configured + "'");
            }
        }
        return declared == Backend.CONFIGURED ? Backend.AUTO : declared;
    }

    static String accountOf(String classId) {
        long h = 1125899906842597L;
        for (char c : classId.toCharArray()) {
            h = 31 * h + c;
        }
        return String.format(Locale.ROOT, "%012d", Math.floorMod(h, 1_000_000_000_000L));
    }

    static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }
}
