package io.kdg4j.junit;

import io.kdg4j.aws.AwsEndpoint;
import io.kdg4j.aws.DeliveryStreamSpec;
import io.kdg4j.aws.FirehoseSink;
import io.kdg4j.aws.KinesisSink;
import io.kdg4j.aws.LandingReader;
import io.kdg4j.aws.Provisioning;
import io.kdg4j.aws.StreamReader;
import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.kdg.KdgTemplate;
import io.kdg4j.core.preset.Presets;
import io.kdg4j.core.rate.RateSpecs;
import io.kdg4j.core.run.Generator;
import io.kdg4j.core.run.RecordSink;
import io.kdg4j.core.schema.PartitionKeySpec;
import io.kdg4j.junit.internal.Backends;
import io.kdg4j.junit.internal.Created;
import io.kdg4j.junit.internal.JUnitVersions;
import io.kdg4j.junit.internal.StartedBackend;
import io.kdg4j.local.LocalEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
import software.amazon.awssdk.services.firehose.FirehoseAsyncClient;
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

    private static final Namespace NAMESPACE = Namespace.create(KinesisExtension.class);
    private static final System.Logger LOG = System.getLogger(KinesisExtension.class.getName());
    /**
     * Runs each task on a thread of its own: the common pool has a single worker on two cores, where the tasks
     * started together would run one after the other.
     */
    private static final java.util.concurrent.Executor OWN_THREAD = task -> {
        Thread thread = new Thread(task, "kdg4j-junit-setup");
        thread.setDaemon(true);
        thread.start();
    };
    private static final Duration PROVISIONING_TIMEOUT = Duration.ofMinutes(2);

    private final Backend backendOverride;
    private final String imageOverride;
    private final String endpointOverride;

    /** The extension as {@code @KinesisTest} registers it: everything from the annotation and configuration. */
    public KinesisExtension() {
        this(null, null, null);
    }

    private KinesisExtension(Backend backend, String image, String endpoint) {
        this.backendOverride = backend;
        this.imageOverride = image;
        this.endpointOverride = endpoint;
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

    private record BackendKey(Backend backend, String scope) {
    }

    private record AutoChoiceKey() {
    }

    private record ClientsKey() {
    }

    private record TestResourcesKey() {
    }

    /**
     * The SDK clients of one class, on its backend, each built when first asked for: a cold SDK client costs a
     * few hundred milliseconds of class loading, and most tests need one or two of the five.
     */
    private static final class Clients implements AutoCloseable {
        private final AwsEndpoint endpoint;
        // one lock each, so that a client built in the background does not hold up another one being built
        private final Lazy<KinesisClient> kinesis;
        private final Lazy<KinesisAsyncClient> kinesisAsync;
        private final Lazy<FirehoseClient> firehose;
        private final Lazy<FirehoseAsyncClient> firehoseAsync;
        private final Lazy<S3Client> s3;

        Clients(AwsEndpoint endpoint) {
            this.endpoint = endpoint;
            this.kinesis = new Lazy<>(endpoint::kinesis);
            this.kinesisAsync = new Lazy<>(() -> endpoint.kinesisAsync(16));
            this.firehose = new Lazy<>(endpoint::firehose);
            this.firehoseAsync = new Lazy<>(() -> endpoint.firehoseAsync(16));
            this.s3 = new Lazy<>(endpoint::s3);
        }

        AwsEndpoint endpoint() {
            return endpoint;
        }

        KinesisClient kinesis() {
            return kinesis.get();
        }

        KinesisAsyncClient kinesisAsync() {
            return kinesisAsync.get();
        }

        FirehoseClient firehose() {
            return firehose.get();
        }

        FirehoseAsyncClient firehoseAsync() {
            return firehoseAsync.get();
        }

        S3Client s3() {
            return s3.get();
        }

        @Override
        public void close() {
            for (Lazy<? extends AutoCloseable> client : List.of(kinesis, kinesisAsync, firehose, firehoseAsync, s3)) {
                client.closeIfBuilt();
            }
        }
    }

    /** A client built on first use, under its own lock. */
    private static final class Lazy<T extends AutoCloseable> {
        private final java.util.function.Supplier<T> factory;
        private T value;

        Lazy(java.util.function.Supplier<T> factory) {
            this.factory = factory;
        }

        synchronized T get() {
            return value != null ? value : (value = factory.get());
        }

        synchronized void closeIfBuilt() {
            if (value != null) {
                try {
                    value.close();
                } catch (Exception e) {
                    // closing a client does not fail a test
                }
            }
        }
    }

    /** One test's generators and created resources: generators stop first, then the resources are deleted. */
    private static final class TestResources implements AutoCloseable {
        final List<RunningGenerator> generators = new ArrayList<>();
        final Created created;

        TestResources(Created created) {
            this.created = created;
        }

        @Override
        public void close() throws Exception {
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

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(JUnitVersions.class, key -> {
            JUnitVersions.problem(JUnitVersions.found()).ifPresent(problem -> {
                throw new ExtensionConfigurationException("kdg4j: " + problem);
            });
            return Boolean.TRUE;
        });
        clients(context);
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
            field.set(instance, create(context, field.getAnnotation(KinesisGenerator.class), where));
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        boolean ours = type == RunningGenerator.class || type == KinesisClient.class
                || type == KinesisAsyncClient.class || type == FirehoseClient.class || type == S3Client.class
                || type == AwsEndpoint.class || type == StreamReader.class || type == LandingReader.class;
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
                return create(context, annotation.orElseThrow(), "parameter " + parameter.getParameter().getName()
                        + " of " + parameter.getDeclaringExecutable().getName());
            } catch (ExtensionConfigurationException e) {
                throw e;
            } catch (Exception e) {
                throw new ParameterResolutionException("cannot start the generator: " + e.getMessage(), e);
            }
        }
        Clients clients = clients(context);
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
        return clients.endpoint();
    }

    /** Adds the seeds of the test's generators to its failure, so that it can be replayed. */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        TestResources resources = context.getStore(NAMESPACE).get(new TestResourcesKey(), TestResources.class);
        if (resources == null || resources.generators.isEmpty()) {
            throw thrown;
        }
        StringBuilder seeds = new StringBuilder("kdg4j seeds:");
        for (RunningGenerator generator : resources.generators) {
            seeds.append(' ').append(generator.destination()).append('=').append(generator.seed());
        }
        seeds.append(" (put seed = \"...\" on @KinesisGenerator to replay)");
        if (thrown instanceof AssertionError) {
            throw new AssertionError(thrown.getMessage() + System.lineSeparator() + seeds, thrown);
        }
        thrown.addSuppressed(new SeedReport(seeds.toString()));
        throw thrown;
    }

    /** Carries the seeds of a failed test whose exception could not take them in its message. */
    static final class SeedReport extends Exception {
        private static final long serialVersionUID = 1L;

        SeedReport(String message) {
            super(message, null, false, false);
        }
    }

    private RunningGenerator create(ExtensionContext context, KinesisGenerator annotation, String where)
            throws Exception {
        boolean toStream = !annotation.stream().isBlank();
        boolean toDelivery = !annotation.deliveryStream().isBlank();
        if (toStream == toDelivery) {
            throw new ExtensionConfigurationException("@KinesisGenerator on " + where + " needs exactly one of "
                    + "stream and deliveryStream");
        }
        int sources = (annotation.template().isBlank() ? 0 : 1) + (annotation.preset().isBlank() ? 0 : 1)
                + (annotation.schema().isBlank() ? 0 : 1);
        if (sources != 1) {
            throw new ExtensionConfigurationException("@KinesisGenerator on " + where + " needs exactly one of "
                    + "template, preset and schema but had " + sources);
        }
        long seed = annotation.seed().isBlank() ? derivedSeed(context, where) : parseSeed(annotation.seed(), where);
        // the schema (Datafaker's word lists, a template's compilation) is built while the stream is provisioned:
        // in a cold JVM each takes about half a second
        CompletableFuture<Generator> building = CompletableFuture.supplyAsync(() -> {
            try {
                return configured(generator(context, annotation, where), annotation, seed, where);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, OWN_THREAD);
        Clients clients = clients(context);
        // and the sending client is built meanwhile too (in a cold JVM, its HTTP/2 stack loads for 150 ms)
        String destination = toStream ? annotation.stream() : annotation.deliveryStream();
        CompletableFuture<?> sendingClient = CompletableFuture.runAsync(() -> prime(clients, toStream, destination),
                OWN_THREAD);
        // an embedded emulator makes and deletes streams itself: no client to build first, no polling for ACTIVE
        LocalEmulator local = backend(context).emulator().orElse(null);
        TestResources resources = context.getStore(NAMESPACE).getOrComputeIfAbsent(new TestResourcesKey(),
                key -> new TestResources(local != null
                        ? new Created(local::deleteStream, clients::firehose, clients::s3)
                        : new Created(clients::kinesis, clients::firehose, clients::s3)),
                TestResources.class);
        RecordSink sink;
        if (toStream) {
            if (annotation.shards() < 0) {
                throw new ExtensionConfigurationException("@KinesisGenerator on " + where + ": shards must be >= 0 "
                        + "(0 = on-demand) but was " + annotation.shards());
            }
            if (ensureStream(local, clients, destination, annotation.shards(), where)) {
                resources.created.stream(destination);
            }
            sink = KinesisSink.builder(clients.kinesisAsync(), destination).build();
        } else {
            if (annotation.bucket().isBlank()) {
                throw new ExtensionConfigurationException("@KinesisGenerator on " + where + ": deliveryStream "
                        + destination + " needs a bucket");
            }
            DeliveryStreamSpec spec;
            try {
                spec = DeliveryStreamSpec.of(destination, annotation.bucket())
                        .withPrefix(annotation.prefix(), annotation.errorPrefix().isBlank() ? null
                                : annotation.errorPrefix())
                        .withBuffering(annotation.bufferMb(), annotation.bufferSeconds());
            } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException("@KinesisGenerator on " + where + ": " + e.getMessage());
            }
            boolean newBucket = !Provisioning.bucketExists(clients.s3(), annotation.bucket());
            boolean created = Provisioning.ensureDeliveryStream(clients.firehose(), clients.s3(), spec,
                    PROVISIONING_TIMEOUT);
            if (newBucket) {
                resources.created.bucket(annotation.bucket());
            }
            if (created) {
                resources.created.deliveryStream(destination);
            }
            sink = FirehoseSink.builder(clients.firehoseAsync(), destination).build();
        }
        Generator generator;
        try {
            sendingClient.join();
            generator = building.join();
        } catch (CompletionException e) {
            sink.close();
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
        RunningGenerator running = new RunningGenerator(destination, seed, generator, sink);
        resources.generators.add(running);
        if (annotation.startMode() == StartMode.BEFORE_TEST) {
            running.start();
        }
        return running;
    }

    /**
     * Builds the sending client and has it describe its destination, without waiting for the answer. A cold
     * client's first call loads the whole request path (marshalling, signing, the HTTP/2 connection: about 200 ms in
     * a fresh JVM); started here it overlaps the generator's start and the sink's first linger instead of following
     * them. The answer (the destination may not exist yet) is of no interest.
     */
    private static void prime(Clients clients, boolean toStream, String destination) {
        if (toStream) {
            KinesisAsyncClient client = clients.kinesisAsync();
            OWN_THREAD.execute(() -> client.describeStreamSummary(b -> b.streamName(destination)));
        } else {
            FirehoseAsyncClient client = clients.firehoseAsync();
            OWN_THREAD.execute(() -> client.describeDeliveryStream(b -> b.deliveryStreamName(destination)));
        }
    }

    private static boolean ensureStream(LocalEmulator local, Clients clients, String stream, int shards, String where) {
        if (local == null) {
            return Provisioning.ensureStream(clients.kinesis(), stream, shards, PROVISIONING_TIMEOUT);
        }
        try {
            return local.createStreamIfAbsent(stream, shards);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("@KinesisGenerator on " + where + ": " + e.getMessage(), e);
        }
    }

    private static Generator configured(Generator generator, KinesisGenerator annotation, long seed, String where) {
        Generator configured = generator.seed(seed);
        if (annotation.recordsPerSecond() > 0) {
            configured = configured.rate(annotation.recordsPerSecond());
        }
        if (annotation.records() >= 0) {
            configured = configured.limit(annotation.records());
        }
        if (!annotation.duration().isBlank()) {
            try {
                configured = configured.limit(RateSpecs.duration(annotation.duration()));
            } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException("@KinesisGenerator on " + where + ": " + e.getMessage());
            }
        }
        return configured;
    }

    private Generator generator(ExtensionContext context, KinesisGenerator annotation, String where)
            throws IOException {
        PartitionKeySpec key = annotation.partitionKey().isBlank() ? null : partitionKey(annotation.partitionKey());
        if (!annotation.preset().isBlank()) {
            RecordSchema schema;
            try {
                schema = Presets.get(annotation.preset()).schema();
            } catch (RuntimeException e) {
                throw new ExtensionConfigurationException("@KinesisGenerator on " + where + ": " + e.getMessage(), e);
            }
            return Generator.from(key == null ? schema : schema.partitionKey(key));
        }
        if (!annotation.schema().isBlank()) {
            RecordSchema schema = schemaFrom(context.getRequiredTestClass(), annotation.schema(), where);
            return Generator.from(key == null ? schema : schema.partitionKey(key));
        }
        KdgTemplate template;
        try {
            template = KdgTemplate.compile(templateText(context.getRequiredTestClass(), annotation.template(), where));
        } catch (RuntimeException e) {
            throw new ExtensionConfigurationException("@KinesisGenerator on " + where + ": template "
                    + annotation.template() + ": " + e.getMessage(), e);
        }
        if (key == null) {
            return Generator.from(template);
        }
        return Generator.from(io.kdg4j.core.Records.from(template.schema().partitionKey(key))
                .encoder(io.kdg4j.core.encode.Encoders.text()));
    }

    private static String templateText(Class<?> testClass, String template, String where) throws IOException {
        if (template.startsWith("classpath:")) {
            String resource = template.substring("classpath:".length());
            String path = resource.startsWith("/") ? resource.substring(1) : resource;
            try (InputStream in = testClass.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new ExtensionConfigurationException("@KinesisGenerator on " + where + ": no classpath "
                            + "resource " + path);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        Path file = Path.of(template);
        if (!Files.isRegularFile(file)) {
            throw new ExtensionConfigurationException("@KinesisGenerator on " + where + ": no template file "
                    + file.toAbsolutePath() + " (write classpath:NAME for a resource)");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static RecordSchema schemaFrom(Class<?> testClass, String methodName, String where) {
        Method method;
        try {
            method = testClass.getDeclaredMethod(methodName);
        } catch (NoSuchMethodException e) {
            throw new ExtensionConfigurationException("@KinesisGenerator on " + where + ": schema method "
                    + methodName + "() is not declared by " + testClass.getSimpleName());
        }
        if (!Modifier.isStatic(method.getModifiers()) || method.getReturnType() != RecordSchema.class) {
            throw new ExtensionConfigurationException("@KinesisGenerator on " + where + ": schema method "
                    + methodName + "() must be static and return RecordSchema");
        }
        try {
            method.setAccessible(true);
            return (RecordSchema) method.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new ExtensionConfigurationException("@KinesisGenerator on " + where + ": schema method "
                    + methodName + "() failed: " + e.getCause(), e);
        }
    }

    private static PartitionKeySpec partitionKey(String expression) {
        if (expression.equals("random")) {
            return PartitionKeySpec.random();
        }
        if (expression.startsWith("field:")) {
            return PartitionKeySpec.field(expression.substring("field:".length()));
        }
        return expression.contains("${") ? PartitionKeySpec.template(expression) : PartitionKeySpec.constant(expression);
    }

    private static long derivedSeed(ExtensionContext context, String where) {
        long h = 1125899906842597L;
        for (char c : (context.getUniqueId() + "|" + where).toCharArray()) {
            h = 31 * h + c;
        }
        return h;
    }

    private static long parseSeed(String seed, String where) {
        try {
            return Long.parseLong(seed.trim());
        } catch (NumberFormatException e) {
            throw new ExtensionConfigurationException("@KinesisGenerator on " + where + ": seed must be a whole "
                    + "number but was '" + seed + "'");
        }
    }

    private Clients clients(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        StartedBackend started = backend(context);
        // LocalStack keeps each account apart and takes a 12-digit access key as the account: one account per test
        // class keeps classes that run in parallel from seeing each other's streams under the same names
        AwsEndpoint endpoint = started.name().equals("localstack") ? AwsEndpoint.of(started.endpoint().endpoint(),
                started.endpoint().region(), accountOf(classContext.getUniqueId()), "test") : started.endpoint();
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(new ClientsKey(), key -> new Clients(endpoint),
                Clients.class);
    }

    static String accountOf(String classId) {
        long h = 1125899906842597L;
        for (char c : classId.toCharArray()) {
            h = 31 * h + c;
        }
        return String.format(Locale.ROOT, "%012d", Math.floorMod(h, 1_000_000_000_000L));
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    private StartedBackend backend(ExtensionContext context) {
        Backend chosen = chosenBackend(context);
        ExtensionContext root = context.getRoot();
        return switch (chosen) {
            case EMBEDDED -> {
                ExtensionContext classContext = classContext(context);
                yield classContext.getStore(NAMESPACE).getOrComputeIfAbsent(new BackendKey(Backend.EMBEDDED,
                        classContext.getUniqueId()), key -> Backends.embedded(), StartedBackend.class);
            }
            case LOCALSTACK -> {
                String image = imageOverride != null ? imageOverride
                        : context.getConfigurationParameter(LOCALSTACK_IMAGE).orElse(DEFAULT_LOCALSTACK_IMAGE);
                yield root.getStore(NAMESPACE).getOrComputeIfAbsent(new BackendKey(Backend.LOCALSTACK, image),
                        key -> Backends.localStack(image), StartedBackend.class);
            }
            case ENDPOINT -> {
                String url = endpointOverride != null ? endpointOverride
                        : context.getConfigurationParameter(ENDPOINT).orElse(null);
                String region = context.getConfigurationParameter(REGION).orElse("us-east-1");
                yield root.getStore(NAMESPACE).getOrComputeIfAbsent(new BackendKey(Backend.ENDPOINT, url + "|"
                        + region), key -> Backends.endpoint(url, region), StartedBackend.class);
            }
            default -> throw new IllegalStateException("unresolved backend " + chosen);
        };
    }

    private Backend chosenBackend(ExtensionContext context) {
        Backend declared = backendOverride != null ? backendOverride
                : context.getRequiredTestClass().isAnnotationPresent(KinesisTest.class)
                ? context.getRequiredTestClass().getAnnotation(KinesisTest.class).backend() : Backend.CONFIGURED;
        if (declared == Backend.CONFIGURED) {
            String configured = context.getConfigurationParameter(BACKEND).orElse("auto").trim();
            try {
                declared = Backend.valueOf(configured.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException(BACKEND + " must be auto, embedded, localstack or endpoint "
                        + "but was '" + configured + "'");
            }
        }
        if (declared == Backend.AUTO || declared == Backend.CONFIGURED) {
            return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(new AutoChoiceKey(), key -> {
                Backend choice = Backends.dockerAvailable() ? Backend.LOCALSTACK : Backend.EMBEDDED;
                LOG.log(System.Logger.Level.INFO, "kdg4j: backend auto chose " + choice.name().toLowerCase(Locale.ROOT)
                        + (choice == Backend.EMBEDDED ? " (no Docker engine answered)" : " (Docker is available)"));
                return choice;
            }, Backend.class);
        }
        return declared;
    }
}
