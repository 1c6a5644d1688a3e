package io.kdg4j.core.kdg;

import static org.assertj.core.api.Assertions.assertThat;

import io.kdg4j.core.RecordGenerator;
import io.kdg4j.core.RecordSchema;
import io.kdg4j.core.schema.PartitionKeySpec;
import org.junit.jupiter.api.Test;

class TemplatePartitionKeyTest {
    private static String key(String template, PartitionKeySpec spec, long index) {
        RecordSchema schema = KdgTemplate.compile(template).schema().partitionKey(spec);
        RecordGenerator generator = RecordGenerator.of(schema, 7);
        generator.generate(index);
        return generator.partitionKey();
    }

    @Test
    void aFieldOfATemplatesJsonRecord_isItsPartitionKey() {
        String template = "{\"who\": \"{{name.firstName}}\", \"n\": {{random.number(9)}}, \"at\": {\"zip\": \"z-1\"}}";
        for (long i = 0; i < 20; i++) {
            RecordGenerator generator = RecordGenerator.of(KdgTemplate.compile(template).schema(), 7);
            String text = generator.generate(i).textAt(0);
            String who = text.replaceAll(".*\"who\": \"([^\"]*)\".*", "$1");
            String n = text.replaceAll(".*\"n\": (\\d+).*", "$1");
            assertThat(key(template, PartitionKeySpec.field("who"), i)).isEqualTo(who);
            assertThat(key(template, PartitionKeySpec.template("${who}-${n}-${at.zip}"), i))
                    .isEqualTo(who + "-" + n + "-z-1");
        }
    }

    @Test
    void aMissingField_orTextThatIsNotJson_givesAnEmptyKeyPart() {
        assertThat(key("{\"a\": 1}", PartitionKeySpec.field("b"), 0)).isEmpty();
        assertThat(key("{\"a\": {\"b\": 2}}", PartitionKeySpec.field("a"), 0)).isEmpty();
        assertThat(key("{\"a\": null}", PartitionKeySpec.field("a"), 0)).isEmpty();
        assertThat(key("a,b,{{random.number(9)}}", PartitionKeySpec.field("a"), 0)).isEmpty();
    }

    @Test
    void keyExpressions_parseAsTheCommandLineWritesThem() {
        assertThat(PartitionKeySpec.parse("random")).isEqualTo(PartitionKeySpec.random());
        assertThat(PartitionKeySpec.parse("field:user.id")).isEqualTo(PartitionKeySpec.field("user.id"));
        assertThat(PartitionKeySpec.parse("${region}-${id}")).isEqualTo(PartitionKeySpec.template("${region}-${id}"));
        assertThat(PartitionKeySpec.parse("orders")).isEqualTo(PartitionKeySpec.constant("orders"));
    }
}
