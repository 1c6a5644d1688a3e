package io.kdg4j.junit;

import io.kdg4j.aws.DeliveryStreamSpec;
import io.kdg4j.aws.FirehoseSink;
import io.kdg4j.aws.KinesisSink;
import io.kdg4j.aws.Provisioning;
import io.kdg4j.core.run.Generator;
import io.kdg4j.core.run.RecordSink;
import io.kdg4j.core.run.RoutingSink;
import io.kdg4j.core.scenario.EventStream;
import io.kdg4j.core.scenario.ScenarioEvents;
import io.kdg4j.core.scenario.ScenarioTally;
import io.kdg4j.core.scenario.file.ScenarioFile;
import io.kdg4j.core.scenario.file.ScenarioFileException;
import io.kdg4j.formats.StreamFormats;
import io.kdg4j.junit.internal.Created;
import io.kdg4j.local.LocalEmulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.firehose.FirehoseAsyncClient;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;

/**
 * Turns a {@link KinesisGenerator} into a running generator: the stream (or bucket and delivery stream) made
 * when missing and remembered for deletion, the sink, the generator, started unless asked to wait.
 */
final class GeneratorStarter {
    private static final Duration PROVISIONING_TIMEOUT = Duration.ofMinutes(2);
    /**
     * Runs each task on a thread of its own: the common pool has a single worker on two cores, where the tasks
     * started together would run one after the other.
     */
    private static final Executor OWN_THREAD = task -> {
        Thread thread = new Thread(task, "kdg4j-junit-setup");
        thread.setDaemon(true);
        thread.start();
    };

    private final BackendSelection backends;

    GeneratorStarter(BackendSelection backends) {
        this.backends = backends;
    }

    private record TestResourcesKey() {
    }

    private record BucketOwnersKey() {
    }

    /** The generators and created resources of the test {@code context} belongs to, or null when none. */
    static TestResources resourcesOf(ExtensionContext context) {
        return context.getStore(KinesisExtension.NAMESPACE).get(new TestResourcesKey(), TestResources.class);
    }

    RunningGenerator start(ExtensionContext context, KinesisGenerator annotation, String where) throws Exception {
        if (!annotation.scenario().isBlank()) {
            return startScenario(context, annotation, where);
        }
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
        long seed = annotation.seed().isBlank() ? GeneratorSources.derivedSeed(context, where)
                : GeneratorSources.parseSeed(annotation.seed(), where);
        Class<?> testClass = context.getRequiredTestClass();
        // the schema (Datafaker's word lists, a template's compilation) is built while the stream is provisioned:
        // in a cold JVM each takes about half a second
        CompletableFuture<Generator> building = CompletableFuture.supplyAsync(() -> {
            try {
                return GeneratorSources.configured(GeneratorSources.generator(testClass, annotation, where),
                        annotation, seed, where);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, OWN_THREAD);
        ClassClients clients = backends.clients(context);
        // and the sending client is built meanwhile too (in a cold JVM, its HTTP/2 stack loads for 150 ms)
        String destination = toStream ? annotation.stream() : annotation.deliveryStream();
        CompletableFuture<?> sendingClient = CompletableFuture.runAsync(() -> prime(clients, toStream, destination),
                OWN_THREAD);
        // an embedded emulator makes and deletes streams itself: no client to build first, no polling for ACTIVE
        LocalEmulator local = backends.backend(context).emulator().orElse(null);
        TestResources resources = resources(context, clients, local);
        RecordSink sink = toStream ? streamSink(local, clients, resources, annotation, annotation.stream(), where)
                : deliverySink(context, clients, resources, annotation, annotation.deliveryStream(), false, where);
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
        resources.add(running);
        if (annotation.startMode() == StartMode.BEFORE_TEST) {
            running.start();
        }
        return running;
    }

    /**
     * A scenario: each of its streams made where its file says and given a sink, routed by stream; created
     * events are answered before what refers to them is sent elsewhere.
     */
    private RunningGenerator startScenario(ExtensionContext context, KinesisGenerator annotation, String where)
            throws IOException {
        if (!annotation.stream().isBlank() || !annotation.deliveryStream().isBlank() || !annotation.template().isBlank()
                || !annotation.preset().isBlank() || !annotation.schema().isBlank()
                || !annotation.partitionKey().isBlank()) {
            throw new ExtensionConfigurationException("@KinesisGenerator on " + where + ": a scenario names its own "
                    + "streams, records and keys; leave stream, deliveryStream, template, preset, schema and "
                    + "partitionKey empty");
        }
        ScenarioFile file;
        try {
            file = ScenarioFile.parse(GeneratorSources.sourceText(context.getRequiredTestClass(),
                    annotation.scenario(), "scenario", where), annotation.scenario(),
                    GeneratorSources.siblings(context.getRequiredTestClass(), annotation.scenario()));
        } catch (ScenarioFileException e) {
            throw new ExtensionConfigurationException("@KinesisGenerator on " + where + ": " + e.getMessage(), e);
        }
        long seed = annotation.seed().isBlank() ? GeneratorSources.derivedSeed(context, where)
                : GeneratorSources.parseSeed(annotation.seed(), where);
        ClassClients clients = backends.clients(context);
        LocalEmulator local = backends.backend(context).emulator().orElse(null);
        TestResources resources = resources(context, clients, local);
        Map<String, RecordSink> sinks = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        for (EventStream stream : file.scenario().streams()) {
            ScenarioFile.Target to = file.target(stream.name());
            boolean binary = !file.format(stream.name()).name().equals("json");
            sinks.put(stream.name(), to.kind() == ScenarioFile.Target.Kind.KINESIS
                    ? streamSink(local, clients, resources, annotation, to.name(), where)
                    : deliverySink(context, clients, resources, annotation, to.name(), binary, where));
            names.add(to.name());
        }
        RoutingSink routing = new RoutingSink(sinks, file.scenario().streams().stream()
                .filter(s -> s instanceof EventStream.Created).map(EventStream::name).collect(Collectors.toSet()));
        ScenarioTally tally = new ScenarioTally();
        Generator generator = GeneratorSources.configured(Generator.from(ScenarioEvents.from(file.scenario())
                .tally(tally).encoders(StreamFormats.encoders(file))), annotation, seed, where);
        RunningGenerator running = new RunningGenerator("streams " + String.join(", ", names), seed, generator,
                routing, tally);
        resources.add(running);
        if (annotation.startMode() == StartMode.BEFORE_TEST) {
            running.start();
        }
        return running;
    }

    private static TestResources resources(ExtensionContext context, ClassClients clients, LocalEmulator local) {
        return context.getStore(KinesisExtension.NAMESPACE).getOrComputeIfAbsent(new TestResourcesKey(),
                key -> new TestResources(local != null ? new Created(local::deleteStream, clients::firehose,
                        clients::s3) : new Created(clients::kinesis, clients::firehose, clients::s3)),
                TestResources.class);
    }

    private static RecordSink streamSink(LocalEmulator local, ClassClients clients, TestResources resources,
                                         KinesisGenerator annotation, String stream, String where) {
        if (annotation.shards() < 0) {
            throw new ExtensionConfigurationException("@KinesisGenerator on " + where + ": shards must be >= 0 "
                    + "(0 = on-demand) but was " + annotation.shards());
        }
        boolean created;
        if (local == null) {
            created = Provisioning.ensureStream(clients.kinesis(), stream, annotation.shards(), PROVISIONING_TIMEOUT);
        } else {
            try {
                created = local.createStreamIfAbsent(stream, annotation.shards());
            } catch (IllegalArgumentException e) {
                throw new ExtensionConfigurationException("@KinesisGenerator on " + where + ": " + e.getMessage(), e);
            }
        }
        if (created) {
            resources.created().stream(stream);
        }
        return KinesisSink.builder(clients.kinesisAsync(), stream).build();
    }

    /** {@code binary}: records that are not lines of text get no line break after them. */
    private RecordSink deliverySink(ExtensionContext context, ClassClients clients, TestResources resources,
                                    KinesisGenerator annotation, String destination, boolean binary, String where) {
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
        if (backends.bucketsAreShared(context)) {
            claimBucket(context, annotation.bucket(), where);
        }
        boolean newBucket = !Provisioning.bucketExists(clients.s3(), annotation.bucket());
        boolean created = Provisioning.ensureDeliveryStream(clients.firehose(), clients.s3(), spec,
                PROVISIONING_TIMEOUT);
        if (newBucket) {
            resources.created().bucket(annotation.bucket());
        }
        if (created) {
            resources.created().deliveryStream(destination);
        }
        FirehoseSink.Builder sink = FirehoseSink.builder(clients.firehoseAsync(), destination);
        return (binary ? sink.delimiter("") : sink).build();
    }

    /**
     * S3 bucket names are global across LocalStack's accounts, so two classes running at the same time with one
     * bucket name would read each other's objects and delete the bucket under each other: the second is refused,
     * naming the first. The claim ends with the class.
     */
    @SuppressWarnings("unchecked")
    private static void claimBucket(ExtensionContext context, String bucket, String where) {
        ExtensionContext classContext = BackendSelection.classContext(context);
        String owner = classContext.getUniqueId();
        Map<String, String> owners = (Map<String, String>) context.getRoot().getStore(KinesisExtension.NAMESPACE)
                .getOrComputeIfAbsent(new BucketOwnersKey(), key -> new ConcurrentHashMap<String, String>(),
                        Map.class);
        String holder = owners.putIfAbsent(bucket, owner);
        if (holder != null && !holder.equals(owner)) {
            throw new ExtensionConfigurationException("@KinesisGenerator on " + where + ": bucket " + bucket
                    + " is in use by " + holder + ", which is running at the same time; on LocalStack bucket names "
                    + "are shared by every test class (accounts keep streams apart, not buckets): give each class "
                    + "its own bucket name");
        }
        if (holder == null) {
            classContext.getStore(KinesisExtension.NAMESPACE).put(new BucketClaim(bucket),
                    new Stored<AutoCloseable>(() -> owners.remove(bucket, owner)));
        }
    }

    private record BucketClaim(String bucket) {
    }

    /**
     * Builds the sending client and has it describe its destination, without waiting for the answer. A cold
     * client's first call loads the whole request path (marshalling, signing, the HTTP/2 connection: about 200 ms in
     * a fresh JVM); started here it overlaps the generator's start and the sink's first linger instead of following
     * them. The answer (the destination may not exist yet) is of no interest.
     */
    private static void prime(ClassClients clients, boolean toStream, String destination) {
        if (toStream) {
            KinesisAsyncClient client = clients.kinesisAsync();
            OWN_THREAD.execute(() -> client.describeStreamSummary(b -> b.streamName(destination)));
        } else {
            FirehoseAsyncClient client = clients.firehoseAsync();
            OWN_THREAD.execute(() -> client.describeDeliveryStream(b -> b.deliveryStreamName(destination)));
        }
    }
}
