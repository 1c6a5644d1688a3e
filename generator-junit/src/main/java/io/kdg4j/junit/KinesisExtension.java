package io.kdg4j.junit;

import io.kdg4j.aws.LandingReader;
import io.kdg4j.aws.StreamReader;
import io.kdg4j.aws.AwsEndpoint;
import io.kdg4j.junit.internal.JUnitVersions;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The extension behind {@link KinesisTest}. State lives in this extension's namespace of the
 * {@link ExtensionContext.Store}: LocalStack and endpoint backends in the root store (one per run), the embedded
 * emulator and the SDK clients in the class store (a fresh emulator per class, so classes never see each other's
 * streams), and the generators and whatever was created for a test in the method store, so that everything
 * closes in the right order: generators, then streams, then clients, then backends.
 *
 * <p>Settings are JUnit configuration parameters ({@code junit-platform.properties} or {@code -D}):
 * {@value #BACKEND} ({@code auto}, {@code embedded}, {@code localstack}, {@code endpoint}),
 * {@value #LOCALSTACK_IMAGE} (default {@value #DEFAULT_LOCALSTACK_IMAGE}), {@value #ENDPOINT} and
 * {@value #REGION} (default us-east-1) for the endpoint backend; {@value #WARM_UP} ({@code true} by default) loads
 * what the first class will need in the background while JUnit discovers tests.
 */
public final class KinesisExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver,
        TestExecutionExceptionHandler {
    public static final String BACKEND = "kdg4j.backend";
    public static final String LOCALSTACK_IMAGE = "kdg4j.localstack.image";
    public static final String DEFAULT_LOCALSTACK_IMAGE = "localstack/localstack:4.14.0";
    public static final String ENDPOINT = "kdg4j.endpoint";
    public static final String REGION = "kdg4j.region";
    public static final String WARM_UP = "kdg4j.warmUp";
    /** A host folder mounted as LocalStack's data and package cache, so that a warmed cache works offline. */
    public static final String LOCALSTACK_CACHE_DIR = "kdg4j.localstack.cacheDir";
    /** {@code true} (the default): each class gets its own LocalStack account; {@code false}: all share one. */
    public static final String LOCALSTACK_ACCOUNT_PER_CLASS = "kdg4j.localstack.accountPerClass";
    /** {@code true}: tests on the localstack backend are skipped, not failed, where no Docker engine answers. */
    public static final String LOCALSTACK_SKIP_WITHOUT_DOCKER = "kdg4j.localstack.skipWithoutDocker";

    static final Namespace NAMESPACE = Namespace.create(KinesisExtension.class);

    private final BackendSelection backends;
    private final GeneratorStarter generators;

    /** The extension as {@code @KinesisTest} registers it: everything from the annotation and configuration. */
    public KinesisExtension() {
        this(null, null, null);
    }

    private KinesisExtension(Backend backend, String image, String endpoint) {
        this(new BackendSelection(backend, image, endpoint));
    }

    /** With the backends chosen as {@code backends} does: for tests that make Docker or LocalStack fail. */
    KinesisExtension(BackendSelection backends) {
        this.backends = backends;
        this.generators = new GeneratorStarter(backends);
    }

    /**
     * For {@code @RegisterExtension}: settings that win over the annotation and the configuration parameters.
     *
     * <pre>{@code
     * @RegisterExtension
     * static KinesisExtension kinesis = KinesisExtension.builder().backend(Backend.EMBEDDED).build();
     * }</pre>
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link KinesisExtension} for {@code @RegisterExtension}. */
    public static final class Builder {
        private Backend backend;
        private String image;
        private String endpoint;

        private Builder() {
        }

        public Builder backend(Backend backend) {
            if (backend == Backend.CONFIGURED) {
                throw new IllegalArgumentException("backend must be AUTO, EMBEDDED, LOCALSTACK or ENDPOINT; leave it "
                        + "unset to use the configuration");
            }
            this.backend = java.util.Objects.requireNonNull(backend, "backend");
            return this;
        }

        /** The LocalStack image, instead of {@value KinesisExtension#DEFAULT_LOCALSTACK_IMAGE}. */
        public Builder localStackImage(String image) {
            this.image = java.util.Objects.requireNonNull(image, "image");
            return this;
        }

        /** The endpoint of the {@link Backend#ENDPOINT} backend. */
        public Builder endpoint(String url) {
            this.endpoint = java.util.Objects.requireNonNull(url, "url");
            return this;
        }

        public KinesisExtension build() {
            return new KinesisExtension(backend, image, endpoint);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(JUnitVersions.class, key -> {
            JUnitVersions.problem(JUnitVersions.found()).ifPresent(problem -> {
                throw new ExtensionConfigurationException("kdg4j: " + problem);
            });
            return Boolean.TRUE;
        });
        backends.clients(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        Object instance = context.getRequiredTestInstance();
        List<Field> fields = AnnotationSupport.findAnnotatedFields(instance.getClass(), KinesisGenerator.class,
                field -> true, HierarchyTraversalMode.TOP_DOWN);
        for (Field field : fields) {
            String where = "field " + field.getDeclaringClass().getSimpleName() + "." + field.getName();
            if (Modifier.isStatic(field.getModifiers())) {
                throw new ExtensionConfigurationException("@KinesisGenerator " + where + " must not be static: "
                        + "generators belong to one test");
            }
            if (field.getType() != RunningGenerator.class) {
                throw new ExtensionConfigurationException("@KinesisGenerator " + where + " must be of type "
                        + "RunningGenerator but is " + field.getType().getSimpleName());
            }
            field.setAccessible(true);
            field.set(instance, generators.start(context, field.getAnnotation(KinesisGenerator.class), where));
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        boolean ours = type == RunningGenerator.class || type == KinesisClient.class
                || type == KinesisAsyncClient.class || type == FirehoseClient.class || type == S3Client.class
                || type == AwsEndpoint.class || type == StreamReader.class || type == LandingReader.class
                || ClassClients.isSdkClient(type);
        if (ours && parameter.getDeclaringExecutable() instanceof Constructor) {
            throw new ExtensionConfigurationException("kdg4j cannot inject " + type.getSimpleName() + " into a "
                    + "constructor of " + parameter.getDeclaringExecutable().getDeclaringClass().getSimpleName()
                    + ": declare it as a field or a test method parameter");
        }
        if (type == RunningGenerator.class && !parameter.isAnnotated(KinesisGenerator.class)) {
            throw new ExtensionConfigurationException("a RunningGenerator parameter needs @KinesisGenerator to "
                    + "say which stream and which records");
        }
        return ours;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == RunningGenerator.class) {
            Optional<KinesisGenerator> annotation = parameter.findAnnotation(KinesisGenerator.class);
            try {
                return generators.start(context, annotation.orElseThrow(), "parameter " + parameter.getParameter().getName()
                        + " of " + parameter.getDeclaringExecutable().getName());
            } catch (ExtensionConfigurationException e) {
                throw e;
            } catch (Exception e) {
                throw new ParameterResolutionException("cannot start the generator: " + e.getMessage(), e);
            }
        }
        ClassClients clients = backends.clients(context);
        if (type == KinesisClient.class) {
            return clients.kinesis();
        }
        if (type == KinesisAsyncClient.class) {
            return clients.kinesisAsync();
        }
        if (type == FirehoseClient.class) {
            return clients.firehose();
        }
        if (type == S3Client.class) {
            return clients.s3();
        }
        if (type == StreamReader.class) {
            return StreamReader.of(clients.kinesis());
        }
        if (type == LandingReader.class) {
            return LandingReader.of(clients.s3());
        }
        if (type == AwsEndpoint.class) {
            return clients.endpoint();
        }
        return clients.other(type);
    }

    /** Adds the seeds of the test's generators to its failure, so that it can be replayed. */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        TestResources resources = GeneratorStarter.resourcesOf(context);
        String seeds = resources == null ? "" : resources.seedReport();
        if (seeds.isEmpty()) {
            throw thrown;
        }
        if (thrown instanceof AssertionError) {
            throw new AssertionError(thrown.getMessage() + System.lineSeparator() + seeds, thrown);
        }
        thrown.addSuppressed(new SeedReport(seeds));
        throw thrown;
    }

    /** Carries the seeds of a failed test whose exception could not take them in its message. */
    static final class SeedReport extends Exception {
        private static final long serialVersionUID = 1L;

        SeedReport(String message) {
            super(message, null, false, false);
        }
    }
}
