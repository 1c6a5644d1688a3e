package io.kdg4j.junit;

import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.Records;
import io.kdg4j.core.encode.Encoders;
import io.kdg4j.core.kdg.KdgTemplate;
import io.kdg4j.core.preset.Presets;
import io.kdg4j.core.rate.RateSpecs;
import io.kdg4j.core.run.Generator;
import io.kdg4j.core.scenario.file.ScenarioFile;
import io.kdg4j.core.schema.PartitionKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a {@link KinesisGenerator} annotation says to generate: the records (a template, a preset or a schema
 * method), their partition key, seed, rate and limits, as a {@link Generator}. Stateless.
 */
final class GeneratorSources {
    private GeneratorSources() {
    }

    static Generator configured(Generator generator, KinesisGenerator annotation, long seed, String where) {
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

    static Generator generator(Class<?> testClass, KinesisGenerator annotation, String where)
            throws IOException {
        PartitionKeySpec key = annotation.partitionKey().isBlank() ? null
                : PartitionKeySpec.parse(annotation.partitionKey());
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
            RecordSchema schema = schemaFrom(testClass, annotation.schema(), where);
            return Generator.from(key == null ? schema : schema.partitionKey(key));
        }
        KdgTemplate template;
        try {
            template = KdgTemplate.compile(sourceText(testClass, annotation.template(), "template", where));
        } catch (RuntimeException e) {
            throw new ExtensionConfigurationException("@KinesisGenerator on " + where + ": template "
                    + annotation.template() + ": " + e.getMessage(), e);
        }
        if (key == null) {
            return Generator.from(template);
        }
        return Generator.from(Records.from(template.schema().partitionKey(key))
                .encoder(Encoders.text()));
    }

    /** The text of a template or scenario: {@code classpath:NAME} (a resource of the test class) or a file path. */
    static String sourceText(Class<?> testClass, String source, String kind, String where) throws IOException {
        if (source.startsWith("classpath:")) {
            String resource = source.substring("classpath:".length());
            String path = resource.startsWith("/") ? resource.substring(1) : resource;
            try (InputStream in = testClass.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new ExtensionConfigurationException("@KinesisGenerator on " + where + ": no classpath "
                            + "resource " + path);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        Path file = Path.of(source);
        if (!Files.isRegularFile(file)) {
            throw new ExtensionConfigurationException("@KinesisGenerator on " + where + ": no " + kind + " file "
                    + file.toAbsolutePath() + " (write classpath:NAME for a resource)");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** The files beside a scenario named {@code source}: resources beside a classpath resource, or files. */
    static ScenarioFile.Siblings siblings(Class<?> testClass, String source) {
        if (source.startsWith("classpath:")) {
            String resource = source.substring("classpath:".length());
            String path = resource.startsWith("/") ? resource.substring(1) : resource;
            String directory = path.contains("/") ? path.substring(0, path.lastIndexOf('/') + 1) : "";
            return name -> {
                try (InputStream in = testClass.getClassLoader().getResourceAsStream(directory + name)) {
                    if (in == null) {
                        throw new NoSuchFileException("classpath:" + directory + name);
                    }
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            };
        }
        Path directory = Path.of(source).toAbsolutePath().getParent();
        return name -> Files.readString(directory.resolve(name), StandardCharsets.UTF_8);
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


    static long derivedSeed(ExtensionContext context, String where) {
        long h = 1125899906842597L;
        for (char c : (context.getUniqueId() + "|" + where).toCharArray()) {
            h = 31 * h + c;
        }
        return h;
    }

    static long parseSeed(String seed, String where) {
        try {
            return Long.parseLong(seed.trim());
        } catch (NumberFormatException e) {
            throw new ExtensionConfigurationException("@KinesisGenerator on " + where + ": seed must be a whole "
                    + "number but was '" + seed + "'");
        }
    }
}
