package io.kdg4j.core.internal;

import io.kdg4j.core.schema.EventSpec;
import java.time.ZoneOffset;

/** A fact of the current scenario event (or its stand-in outside a scenario). */
final class EventNode extends Node {
    private static final InstantFormatter ISO = new IsoUtcFormatter(
            TimestampCompiler.javaFormatter(TimestampCompiler.ISO_PATTERN, ZoneOffset.UTC));

    private final EventSpec.Part part;

    EventNode(EventSpec.Part part) {
        this.part = part;
    }

    @Override
    void generate(GenContext ctx, long seed) {
        EventSlot event = ctx.event;
        switch (part) {
            case TIME_ISO -> ctx.tape.string(ISO.format(event == null ? ctx.clock.millis() : event.timeMillis));
            case TIME_MILLIS -> ctx.tape.longValue(event == null ? ctx.clock.millis() : event.timeMillis);
            case SEQUENCE -> ctx.tape.longValue(event == null ? ctx.index : event.sequence);
            case STATE -> {
                if (event == null || event.state == null) {
                    ctx.tape.nullValue();
                } else {
                    ctx.tape.string(event.state);
                }
            }
            case STREAM -> {
                if (event == null) {
                    ctx.tape.nullValue();
                } else {
                    ctx.tape.string(event.stream);
                }
            }
        }
    }

    @Override
    boolean ignoresSeed() {
        return true;
    }
}
