package io.kdg4j.core.kdg;

import io.kdg4j.core.KdgException;
import io.kdg4j.core.RecordGenerator;
import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.SchemaException;
import io.kdg4j.core.encode.Encoders;
import io.kdg4j.core.kdg.helpers.Helper;
import io.kdg4j.core.kdg.helpers.HelperTable;
import io.kdg4j.core.record.ByteOutput;
import io.kdg4j.core.schema.ConcatSpec;
import io.kdg4j.core.schema.ConstantSpec;
import io.kdg4j.core.schema.ValueSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A record template written for the Amazon Kinesis Data Generator, compiled once into a {@link RecordSchema}.
 *
 * <pre>{@code
 * KdgTemplate template = KdgTemplate.compile("""
 *     {"film_id": {{random.number({"min":1,"max":1000})}}, "state": "{{address.state}}"}""");
 * Records.from(template.schema()).seed(7).encoder(Encoders.text()).stream().limit(3)
 *     .forEach(r -> System.out.println(r.text()));
 * }</pre>
 *
 * <p>Rendering follows KDG: the template is trimmed and its {@code \n} removed ({@code \r} kept), literal text is
 * kept byte for byte, each {@code {{helper(arg)}}} is replaced by its value as JavaScript would print it.
 * Where KDG prints garbage for a plain intent ({@code random.number(1,5)}, {@code {{ name.firstName }}},
 * escaped quotes, two-argument {@code date.between}), kdg4j does what was meant; where the intent is unknown
 * (an unknown helper, a bad argument, broken brackets) compiling fails with a {@link TemplateException} that
 * gives line, column, token and the nearest helper. Records are text: send them with {@link Encoders#text()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class KdgTemplate {
    /** Kinesis's largest record (1 MiB, with the partition key); a template that renders more gets a warning. */
    public static final int KINESIS_RECORD_LIMIT = 1024 * 1024;

    private final String source;
    private final RecordSchema schema;
    private final List<String> warnings;

    private KdgTemplate(String source, RecordSchema schema, List<String> warnings) {
        this.source = source;
        this.schema = schema;
        this.warnings = List.copyOf(warnings);
    }

    /** Compiles a template; a {@link TemplateException} says what and where when it cannot. */
    public static KdgTemplate compile(String template) {
        Objects.requireNonNull(template, "template");
        SourceText text = new SourceText(template);
        List<String> warnings = new ArrayList<>();
        List<TemplateParser.Segment> segments = new TemplateParser(text, warnings).parse();
        List<ValueSpec> parts = new ArrayList<>(segments.size());
        for (TemplateParser.Segment segment : segments) {
            parts.add(segment.isCall() ? call(text, segment, warnings) : new ConstantSpec(segment.literal()));
        }
        RecordSchema schema;
        try {
            schema = RecordSchema.of(new ConcatSpec(parts));
        } catch (SchemaException e) {
            throw text.error(0, "", "the template's helpers cannot generate: " + e.getMessage(), null);
        }
        checkSize(schema, warnings);
        return new KdgTemplate(template, schema, warnings);
    }

    /** Reads and compiles a UTF-8 template file. */
    public static KdgTemplate compile(Path file) throws IOException {
        return compile(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static ValueSpec call(SourceText text, TemplateParser.Segment segment, List<String> warnings) {
        String token = text.text().substring(segment.start(), segment.end());
        String name = segment.name();
        Helper helper = HelperTable.find(name);
        if (helper == null) {
            String[] parts = name.split("\\.");
            if (parts.length > 2 && HelperTable.find(parts[0] + "." + parts[1]) != null) {
                // KDG reads only the first two segments; so do we, and say so.
                String used = parts[0] + "." + parts[1];
                warnings.add("line " + text.line(segment.start()) + ", column " + text.column(segment.start())
                        + ": '" + name + "' is not a helper; KDG calls " + used + ", and so does kdg4j");
                helper = HelperTable.find(used);
            }
        }
        if (helper == null) {
            String problem = name.indexOf('.') < 0 ? "'" + name + "' is not a helper (helpers look like module.method)"
                    : "unknown helper '" + name + "'";
            throw text.error(segment.start(), token, problem, Suggestions.nearest(name, HelperTable.names()));
        }
        Arguments arguments = Arguments.decode(segment.arguments());
        if (helper.name().equals("date.now") || helper.name().equals("date.utc")) {
            warnAboutFormat(text, segment, arguments, warnings);
        }
        return helper.compiler().compile(new Call(helper.name(), arguments, text, segment.start(), token));
    }

    private static void warnAboutFormat(SourceText text, TemplateParser.Segment segment, Arguments arguments,
                                        List<String> warnings) {
        Object format = arguments.get(0);
        if (format instanceof String s && s.equalsIgnoreCase("iso")) {
            warnings.add("line " + text.line(segment.start()) + ", column " + text.column(segment.start())
                    + ": \"" + s + "\" is not a moment.js format; like KDG it renders as 'i', the seconds, 'o'. "
                    + "For ISO-8601 write date.now(\"YYYY-MM-DDTHH:mm:ssZ\")");
        }
    }

    /** Renders one record; warns when it is over Kinesis's record limit. */
    private static void checkSize(RecordSchema schema, List<String> warnings) {
        try {
            ByteOutput out = new ByteOutput(4096);
            Encoders.text().encode(RecordGenerator.of(schema, 0, Clock.systemUTC()).generate(0), out);
            if (out.size() > KINESIS_RECORD_LIMIT) {
                warnings.add("records render to about " + out.size() + " bytes, over the 1 MiB ("
                        + KINESIS_RECORD_LIMIT + " bytes) Kinesis record limit; Kinesis will reject them "
                        + "(Firehose's limit is 1,000 KiB)");
            }
        } catch (KdgException e) {
            warnings.add("the first record could not be rendered: " + e.getMessage());
        }
    }

    /** The compiled schema: one text value per record, KDG's random partition keys. */
    public RecordSchema schema() {
        return schema;
    }

    /** Things that compile but deserve a look (text kept like KDG keeps it, non-formats, oversized records). */
    public List<String> warnings() {
        return warnings;
    }

    /** The template as given. */
    public String source() {
        return source;
    }

    /** Every helper a template may call, with its arguments and what it generates (the helper table's rows). */
    public static List<HelperDescription> helpers() {
        return List.copyOf(HelperTable.descriptions());
    }

    /** The helper mapping table in Markdown, as docs/templates.md shows it. */
    public static String helperTable() {
        return HelperTable.markdownTable();
    }
}
