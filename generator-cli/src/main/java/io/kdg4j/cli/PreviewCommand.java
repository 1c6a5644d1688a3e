package io.kdg4j.cli;

import io.kdg4j.core.InstanceShare;
import io.kdg4j.core.RecordGenerator;
import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.encode.RecordEncoder;
import io.kdg4j.core.record.ByteOutput;
import io.kdg4j.core.scenario.EventStream;
import io.kdg4j.core.scenario.ScenarioEvent;
import io.kdg4j.core.scenario.ScenarioEvents;
import io.kdg4j.core.scenario.ScenarioIterator;
import io.kdg4j.core.scenario.file.ScenarioFile;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code kdg preview}: N rendered records on stdout, one per line. */
@Command(name = "preview", mixinStandardHelpOptions = true,
        description = "Print N generated records on stdout, one per line, as they would be sent.")
final class PreviewCommand implements Callable<Integer> {
    private static final int FLUSH_AT = 1 << 16;

    @Spec
    CommandSpec spec;

    @ParentCommand
    Kdg kdg;

    @ArgGroup(exclusive = true, multiplicity = "1")
    RecordSource source;

    @Option(names = "--count", paramLabel = "N", defaultValue = "10",
            description = "How many records (default: ${DEFAULT-VALUE}).")
    long count;

    @Option(names = "--seed", paramLabel = "S",
            description = "Seed; the same seed gives the same records. Random (and printed on stderr) if absent.")
    Long seed;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "json, jsonl, csv, text, avro or protobuf (default: text for templates and apache-log, "
                    + "else json). Avro and Protobuf records are binary: each is printed in base64, one per line.")
    String format;

    @Mixin
    SchemaOptions schemaOptions;

    @Option(names = "--print-schema", description = "With --format avro or protobuf: print the schema the records are "
            + "written with (Avro JSON, or a .proto file) instead of the records.")
    boolean printSchema;

    @Option(names = "--instance", paramLabel = "i/N", defaultValue = "0/1",
            description = "Print only share i of N of the record indexes (i, i+N, i+2N... below --count).")
    String instance;

    @Option(names = "--clock", paramLabel = "INSTANT|now",
            description = "The wall clock of timestamps: now, or a fixed ISO-8601 instant such as "
                    + "2026-01-01T00:00:00Z. Default: now; with --seed, today at 00:00:00Z (UTC), so that a seeded "
                    + "preview prints the same records on every run that day.")
    String clock;

    @Option(names = "--only", paramLabel = "STREAM",
            description = "With --scenario: print only this stream's records, without the stream name before each.")
    String only;

    @Override
    public Integer call() throws IOException {
        if (count < 0) {
            throw new ParameterException(spec.commandLine(), "--count must be >= 0 but was " + count);
        }
        InstanceShare share;
        try {
            share = InstanceShare.parse(instance);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--instance: " + e.getMessage());
        }
        if (source.isScenario()) {
            return previewScenario(share);
        }
        if (only != null) {
            throw new ParameterException(spec.commandLine(), "--only is for --scenario, whose records go to several "
                    + "streams");
        }
        RecordSource.Resolved resolved = source.resolve(spec.commandLine().getErr());
        RecordSchema schema = resolved.schema();
        RecordEncoder encoder = Formats.encoder(format, resolved, schema, schemaOptions);
        if (printSchema) {
            return printSchema(encoder);
        }
        long runSeed = seed != null ? seed : new SplittableRandom().nextLong();
        if (seed == null) {
            spec.commandLine().getErr().println("kdg: seed " + runSeed + " (pass --seed " + runSeed
                    + " to get these records again)");
        }
        RecordGenerator generator = RecordGenerator.of(schema, runSeed, clock(seed != null));
        write(generator, Formats.isBinary(format) || schemaOptions.glueSchemaVersionId != null
                ? new Base64Lines(encoder) : encoder, share, kdg.stdout());
        return 0;
    }

    /**
     * The first --count events of the scenario (this share's), each line the stream's name, a tab and the record;
     * late and duplicated events are counted on stderr at the end.
     */
    private int previewScenario(InstanceShare share) throws IOException {
        if (format != null || printSchema) {
            throw new ParameterException(spec.commandLine(), "a scenario's file gives each stream's format: --format "
                    + "and --print-schema are for --template and --preset");
        }
        ScenarioFile file = source.scenarioFile();
        if (only != null && file.scenario().stream(only).isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--only: the scenario has no stream '" + only
                    + "'; its streams: " + file.scenario().streams().stream().map(EventStream::name).toList());
        }
        long runSeed = seed != null ? seed : new SplittableRandom().nextLong();
        if (seed == null) {
            spec.commandLine().getErr().println("kdg: seed " + runSeed + " (pass --seed " + runSeed
                    + " to get these events again)");
        }
        ScenarioEvents events = ScenarioEvents.from(file.scenario()).seed(runSeed).share(share)
                .encoders(io.kdg4j.formats.StreamFormats.encoders(file));
        if (file.scenario().start().isEmpty()) {
            events = events.start(clock(seed != null).instant());
        }
        ScenarioIterator iterator = events.iterator(count);
        OutputStream stdout = kdg.stdout();
        ByteOutput out = new ByteOutput(FLUSH_AT + 4096);
        while (iterator.hasNext()) {
            ScenarioEvent event = iterator.next();
            if (only != null && !only.equals(event.stream())) {
                continue;
            }
            if (only == null) {
                out.writeAscii(event.stream());
                out.write((byte) '\t');
            }
            byte[] data = event.record().bytes();
            if (file.format(event.stream()).name().equals("json")) {
                out.write(data, 0, data.length);
            } else {
                // binary records (or framed ones) in base64, one per line, as --format avro prints them
                out.writeAscii(Base64.getEncoder().encodeToString(data));
            }
            endLine(out, stdout);
        }
        out.writeTo(stdout);
        stdout.flush();
        spec.commandLine().getErr().println("kdg preview: " + ScenarioCounts.describe(iterator.counts()));
        return 0;
    }

    private int printSchema(RecordEncoder encoder) throws IOException {
        RecordEncoder unframed = encoder instanceof io.kdg4j.formats.glue.GlueSchemaRegistryFraming framed
                ? framed.inner() : encoder;
        String schemaText;
        if (unframed instanceof io.kdg4j.formats.avro.AvroEncoder avro) {
            schemaText = avro.schema().toString(true);
        } else if (unframed instanceof io.kdg4j.formats.protobuf.ProtobufEncoder protobuf) {
            schemaText = io.kdg4j.formats.protobuf.ProtobufSchemas.protoText(protobuf.descriptor());
        } else {
            throw new ParameterException(spec.commandLine(), "--print-schema needs --format avro or protobuf");
        }
        kdg.stdout().write((schemaText.endsWith("\n") ? schemaText : schemaText + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        kdg.stdout().flush();
        return 0;
    }

    /** Binary records in base64, so each fits on a line (and pastes into {@code aws kinesis put-record --data}). */
    private record Base64Lines(RecordEncoder binary) implements RecordEncoder {
        @Override
        public void encode(io.kdg4j.core.record.RecordTape record, ByteOutput out) {
            ByteOutput raw = new ByteOutput();
            binary.encode(record, raw);
            out.writeAscii(Base64.getEncoder().encodeToString(raw.toByteArray()));
        }

        @Override
        public String name() {
            return binary.name();
        }
    }

    private void write(RecordGenerator generator, RecordEncoder encoder, InstanceShare share, OutputStream stdout)
            throws IOException {
        ByteOutput out = new ByteOutput(FLUSH_AT + 4096);
        encoder.writeHeader(out);
        if (out.size() > 0) {
            out.write((byte) '\n');
        }
        long records = share.countOf(count);
        for (long k = 0; k < records; k++) {
            encoder.encode(generator.generate(share.index(k)), out);
            endLine(out, stdout);
        }
        out.writeTo(stdout);
        stdout.flush();
    }

    /** Ends a line, writing the buffer out once it holds {@value #FLUSH_AT} bytes or more. */
    private static void endLine(ByteOutput out, OutputStream stdout) throws IOException {
        out.write((byte) '\n');
        if (out.size() >= FLUSH_AT) {
            out.writeTo(stdout);
            out.reset();
        }
    }

    private Clock clock(boolean seeded) {
        if ("now".equals(clock) || (clock == null && !seeded)) {
            return Clock.systemUTC();
        }
        if (clock == null) {
            Instant today = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
            return Clock.fixed(today, ZoneOffset.UTC);
        }
        try {
            return Clock.fixed(Instant.parse(clock), ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(),
                    "--clock must be 'now' or an ISO-8601 instant such as 2026-01-01T00:00:00Z but was '" + clock
                            + "'");
        }
    }
}
