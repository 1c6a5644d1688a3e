package io.kdg4j.examples.shop;

import io.kdg4j.aws.AwsEndpoint;
import io.kdg4j.aws.KinesisSink;
import io.kdg4j.aws.Provisioning;
import io.kdg4j.core.run.Generator;
import io.kdg4j.core.run.RecordSink;
import io.kdg4j.core.run.RoutingSink;
import io.kdg4j.core.run.RunSummary;
import io.kdg4j.core.scenario.EventStream;
import io.kdg4j.core.scenario.ScenarioEvents;
import io.kdg4j.core.scenario.file.ScenarioFile;
import io.kdg4j.local.LocalEmulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * A shop's customers, orders and click sessions ({@code scenarios/shop.yaml}) sent to three Kinesis streams, and
 * the orders joined with their customers by {@link OrderJoin}, the consumer under test. Replaces: a hand-written
 * producer per stream that cannot keep customers and orders consistent, or a commercial generator.
 */
public final class ShopScenario {
    /** The scenario file, relative to the examples module (where Maven runs its tests). */
    public static final Path FILE = Path.of("scenarios", "shop.yaml");

    private ShopScenario() {
    }

    /** Creates a stream per scenario stream and sends the first {@code events} events of the run. */
    public static RunSummary send(AwsEndpoint endpoint, KinesisClient kinesis, ScenarioFile shop, long seed,
            long events) throws Exception {
        Map<String, RecordSink> sinks = new LinkedHashMap<>();
        for (EventStream stream : shop.scenario().streams()) {
            String name = shop.target(stream.name()).name();
            Provisioning.ensureStream(kinesis, name, 2, Duration.ofSeconds(30));
            sinks.put(stream.name(), KinesisSink.builder(endpoint, name).build());
        }
        Set<String> created = shop.scenario().streams().stream().filter(s -> s instanceof EventStream.Created)
                .map(EventStream::name).collect(Collectors.toSet());
        try (RoutingSink routing = new RoutingSink(sinks, created)) {
            return Generator.from(ScenarioEvents.from(shop.scenario())).seed(seed).limit(events).to(routing).start()
                    .awaitCompletion(Duration.ofMinutes(2));
        }
    }

    public static void main(String[] args) throws Exception {
        ScenarioFile shop = ScenarioFile.load(args.length > 0 ? Path.of(args[0]) : FILE);
        try (LocalEmulator local = LocalEmulator.start()) {
            AwsEndpoint endpoint = AwsEndpoint.of(local.endpoint(), software.amazon.awssdk.regions.Region.of(
                    local.region()), "test", "test");
            try (KinesisClient kinesis = endpoint.kinesis()) {
                RunSummary summary = send(endpoint, kinesis, shop, 7, 50_000);
                System.out.println("sent: " + summary.describe());
                OrderJoin join = OrderJoin.consume(kinesis, "customers", "orders", Duration.ofSeconds(5));
                System.out.println("joined " + join.joined().size() + " orders, dropped " + join.duplicatesDropped()
                        + " duplicates, " + join.ordersThatWaited() + " waited for their customer");
                join.revenueByTier().forEach((tier, revenue) -> System.out.println(tier + "\t" + revenue));
            }
        }
    }
}
