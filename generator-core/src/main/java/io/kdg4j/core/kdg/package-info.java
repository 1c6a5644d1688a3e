/**
 * Amazon Kinesis Data Generator (KDG) record templates, pasted as they are: {@link
 * io.kdg4j.core.kdg.KdgTemplate#compile(String)} parses a template once into the same generator tree the fluent
 * DSL builds, with KDG's helpers (faker.js 3.1 plus KDG's own) mapped onto Datafaker and kdg4j's generators.
 */
package io.kdg4j.core.kdg;
