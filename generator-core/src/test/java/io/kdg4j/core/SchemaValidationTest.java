package io.kdg4j.core;

import static io.kdg4j.core.Fields.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import io.kdg4j.core.schema.PartitionKeySpec;
import io.kdg4j.core.schema.ValueSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A schema that cannot work fails when it is built, naming the field, the rule and the value. */
class SchemaValidationTest {

    static List<Arguments> badSpecs() {
        return List.of(
                Arguments.of(integers(5, 1), "field 'f': min must be <= max, but min was 5 and max was 1"),
                Arguments.of(integers(1, 5).step(0), "field 'f': step must be positive but was 0"),
                Arguments.of(doubles(2, 1), "field 'f': min must be <= max, but min was 2.0 and max was 1.0"),
                Arguments.of(doubles(Double.NaN, 1), "field 'f': min must be a finite number but was NaN"),
                Arguments.of(doubles(0, 1).precision(16), "precision must be in [0, 15] decimals (or -1 for full doubles) but was 16"),
                Arguments.of(doubles(0.11, 0.19).precision(0), "no number with 0 decimals lies in [0.11, 0.19]"),
                Arguments.of(decimals("2.00", "1.00"), "field 'f': min must be <= max, but min was 2.00 and max was 1.00"),
                Arguments.of(decimals("1", "2").scale(19), "step must have at most 18 decimals but was 0.0000000000000000001"),
                Arguments.of(decimals("1", "2").step("-1"), "step must be positive but was -1"),
                Arguments.of(decimals("0.1", "0.2").step("0.25"), "no multiple of 0.25 lies in [0.1, 0.2]"),
                Arguments.of(booleans(1.5), "field 'f': probability must be in [0, 1] but was 1.5"),
                Arguments.of(oneOf(), "field 'f': a choice needs at least one option but the list was empty"),
                Arguments.of(weighted(), "a choice needs at least one option"),
                Arguments.of(weighted().option("a", 1).option("b", -0.5),
                        "field 'f': weight of option 2 ('b') must be a non-negative number but was -0.5"),
                Arguments.of(weighted().option("a", 0).option("b", 0), "the weights must not all be zero"),
                Arguments.of(weighted().option("a", Double.NaN), "must be a non-negative number but was NaN"),
                Arguments.of(normal(0, -1), "standardDeviation must be a non-negative number but was -1.0"),
                Arguments.of(normal(0, 1).clamp(3, 2), "min must be <= max, but min was 3.0 and max was 2.0"),
                Arguments.of(exponential(0), "mean must be a positive number but was 0.0"),
                Arguments.of(zipf(0, 1), "n (the number of ranks) must be at least 1 but was 0"),
                Arguments.of(zipf(10, -1), "exponent must be a positive number but was -1.0"),
                Arguments.of(sequence().wrapAfter(-1), "wrapAfter must be 0 (never) or positive but was -1"),
                Arguments.of(arrayOf(uuid(), 3, 2), "minLength must be <= maxLength, but minLength was 3 and maxLength was 2"),
                Arguments.of(arrayOf(uuid(), -1, 2), "minLength must be >= 0 but was -1"),
                Arguments.of(uuid().nullable(2), "nullRate must be in [0, 1] but was 2.0"),
                Arguments.of(now().pattern("yyyy-MM-dd ppp Q{"), "is not a valid DateTimeFormatter pattern"),
                Arguments.of(eventTime(Instant.EPOCH, Duration.ofSeconds(-1)), "event-time step must not be negative but was PT-1S"),
                Arguments.of(eventTime(Instant.EPOCH, Duration.ofSeconds(1)).outOfOrder(1.2, Duration.ofSeconds(1)),
                        "the out-of-order fraction must be in [0, 1] but was 1.2"),
                Arguments.of(fake("address.nope_not_a_key"), "field 'f': Datafaker cannot resolve '#{address.nope_not_a_key}'"),
                Arguments.of(fake(" "), "the Datafaker expression must not be blank"),
                Arguments.of(constant(new Object() {
                    @Override
                    public String toString() {
                        return "odd";
                    }
                }), "constant must be a String, Number, Boolean or null but was a"),
                Arguments.of(template("${first"), "template \"${first\" has '${' at column 1 without a closing '}'"),
                Arguments.of(object(field("a", 1), field("a", 2)), "field 'f': field name 'a' is used twice"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badSpecs")
    void badSpec_failsWhenBuilt_withFieldRuleAndValue(ValueSpec spec, String message) {
        assertThatThrownBy(() -> record(field("f", spec)))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining(message);
    }

    @Test
    void derivedField_readingAMissingField_namesBothAndListsTheFields() {
        assertThatThrownBy(() -> record(field("first", "Ada"),
                field("email", template("${first}.${lats}@example.com"))))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("field 'email': reads 'lats', but 'lats' is not a field of the record "
                        + "(fields: [");
        assertThatThrownBy(() -> record(field("a", object(field("x", 1))),
                field("b", derived("a.y", v -> v))))
                .hasMessageContaining("field 'b': reads 'a.y', but 'y' is not a field of 'a'");
        assertThatThrownBy(() -> record(field("a", arrayOf(object(field("x", 1)), 1)),
                field("b", derived("a.x", v -> v))))
                .hasMessageContaining("'a' is not an object (paths cannot go through arrays)");
    }

    @Test
    void derivedFields_inACycle_areReported_withTheCycle() {
        assertThatThrownBy(() -> record(
                field("a", derived("b", v -> v)),
                field("b", template("${c}")),
                field("c", derived("a", v -> v)),
                field("d", 1)))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("derived fields form a cycle: 'a' -> 'b' -> 'c' -> 'a'");
        assertThatThrownBy(() -> record(field("self", derived("self", v -> v))))
                .hasMessageContaining("cycle: 'self' -> 'self'");
    }

    @Test
    void everyProblem_isReportedAtOnce_withNestedPaths() {
        SchemaException e = org.junit.jupiter.api.Assertions.assertThrows(SchemaException.class, () -> record(
                field("user", object(field("age", integers(9, 1)), field("tags", arrayOf(oneOf(), 1)))),
                field("p", booleans(-1))));
        assertThat(e.problems()).containsExactly(
                "field 'user.age': min must be <= max, but min was 9 and max was 1",
                "field 'user.tags[]': a choice needs at least one option but the list was empty",
                "field 'p': probability must be in [0, 1] but was -1.0");
    }

    @Test
    void partitionKeys_areChecked() {
        assertThatThrownBy(() -> record(field("a", 1)).partitionKeyField("b"))
                .hasMessageContaining("partitionKey: reads 'b', but 'b' is not a field of the record");
        assertThatThrownBy(() -> record(field("a", 1)).partitionKey(PartitionKeySpec.constant("")))
                .hasMessageContaining("partitionKey: a partition key must be 1 to 256 characters but was 0");
        assertThatThrownBy(() -> RecordSchema.of(uuid()).partitionKeyField("a"))
                .hasMessageContaining("the record is not an object");
    }

    @Test
    void weightedChoice_cannotBeMixedIntoAUniformOne() {
        assertThatThrownBy(() -> oneOf("a").option("b", 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("start a weighted one with Fields.weighted()");
    }

    @Test
    void timestampOptions_forEventTime_areRejectedOnTheWallClock() {
        assertThatThrownBy(() -> now().jitter(Duration.ofSeconds(1)))
                .hasMessageContaining("jitter applies to event-time timestamps");
    }

    @Test
    void failingDerivedFunction_namesTheFieldAndRecord() {
        RecordSchema schema = record(field("a", 1), field("b", derived("a", v -> {
            throw new IllegalStateException("boom");
        })));
        assertThatThrownBy(() -> RecordGenerator.of(schema, 1).generate(3))
                .isInstanceOf(KdgException.class)
                .hasMessageContaining("field 'b': the derived function failed for record 3")
                .hasMessageContaining("boom");
    }
}
