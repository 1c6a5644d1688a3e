package io.kdg4j.core.schema;

/**
 * An immutable description of one value of a record: a constant, a range, a choice, a timestamp, an object...
 * Specs nest freely; {@link io.kdg4j.core.Fields} creates them.
 */
public sealed interface ValueSpec
        permits ConstantSpec, LongRangeSpec, DoubleRangeSpec, DecimalRangeSpec, BooleanSpec, ChoiceSpec,
        NormalSpec, ExponentialSpec, ZipfSpec, SequenceSpec, UuidSpec, UlidSpec, TimestampSpec, FakerSpec,
        ObjectSpec, ArraySpec, NullableSpec, DerivedSpec, TemplateSpec, ConcatSpec, SwitchSpec, GeoPointSpec, RefSpec,
        EventSpec {

    /** This value, or JSON null with probability {@code nullRate} (in [0, 1]). */
    default NullableSpec nullable(double nullRate) {
        return new NullableSpec(this, nullRate);
    }
}
