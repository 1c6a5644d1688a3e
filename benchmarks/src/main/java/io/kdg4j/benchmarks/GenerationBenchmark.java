package io.kdg4j.benchmarks;

import io.kdg4j.core.RecordGenerator;
import io.kdg4j.core.encode.Encoders;
import io.kdg4j.core.encode.RecordEncoder;
import io.kdg4j.core.kdg.KdgTemplate;
import io.kdg4j.core.preset.Presets;
import io.kdg4j.core.record.ByteOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sakila records per second on one thread, kdg4j beside the hand-written Datafaker + Jackson baseline.
 *
 * <pre>
 * mvn -B -q package -DskipTests -pl benchmarks -am
 * java -jar benchmarks/target/benchmarks.jar GenerationBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Threads(1)
public class GenerationBenchmark {
    /**
     * The KDG tutorials' Sakila template. The corpus copy (../shared/kdg-corpus/templates/002.txt) is used
     * when present; this is the same template on one line.
     */
    static final String SAKILA_TEMPLATE = "{\"timestamp\":\"{{date.now}}\","
            + "\"eventType\":\"{{random.weightedArrayElement({\"weights\":[0.3,0.1,0.6],"
            + "\"data\":[\"rent\",\"buy\",\"trailer\"]})}}\","
            + "\"film_id\":{{random.number({\"min\":1,\"max\":1000})}},"
            + "\"distributor\":\"{{random.arrayElement([\"amazon prime\",\"google play\",\"apple itunes\","
            + "\"vudo\",\"fandango now\",\"microsoft\",\"youtube\"])}}\","
            + "\"platform\":\"{{random.arrayElement([\"ios\",\"android\",\"xbox\",\"playstation\","
            + "\"smarttv\",\"other\"])}}\","
            + "\"state\":\"{{address.state}}\"}";

    private HandWrittenSakila handWritten;
    private RecordGenerator generator;
    private RecordGenerator templateGenerator;
    private RecordEncoder text;
    private RecordEncoder json;
    private ByteOutput out;
    private long index;

    @Setup
    public void setUp() {
        handWritten = new HandWrittenSakila(7);
        generator = RecordGenerator.of(Presets.get("sakila").schema(), 7);
        json = Encoders.json();
        text = Encoders.text();
        out = new ByteOutput(1 << 12);
        templateGenerator = RecordGenerator.of(KdgTemplate.compile(sakilaTemplate()).schema(), 7);
    }

    static String sakilaTemplate() {
        Path corpus = Path.of("..", "shared", "kdg-corpus", "templates", "002.txt");
        try {
            return Files.isRegularFile(corpus) ? Files.readString(corpus) : SAKILA_TEMPLATE;
        } catch (IOException e) {
            return SAKILA_TEMPLATE;
        }
    }

    /** Baseline: Datafaker calls into a LinkedHashMap, serialized by ObjectMapper. */
    @Benchmark
    public byte[] baseline_handWrittenDatafakerJackson() throws Exception {
        return handWritten.next();
    }

    /** kdg4j: the sakila preset generated and encoded as JSON into a reused byte buffer (the byte sink). */
    @Benchmark
    public int kdg4j_sakilaPresetToBytes() {
        out.reset();
        json.encode(generator.generate(index++), out);
        return out.size();
    }

    /** kdg4j: the Sakila KDG template (corpus 002) rendered as KDG would send it, into the byte sink. */
    @Benchmark
    public int kdg4j_sakilaKdgTemplateToBytes() {
        out.reset();
        text.encode(templateGenerator.generate(index++), out);
        return out.size();
    }

    /** kdg4j: the same, plus what a sink receives: a copied byte[] and the record's partition key. */
    @Benchmark
    public Object kdg4j_sakilaPresetToRecord() {
        out.reset();
        json.encode(generator.generate(index++), out);
        byte[] data = out.toByteArray();
        String key = generator.partitionKey();
        return key.length() + data.length > 0 ? data : key;
    }
}
