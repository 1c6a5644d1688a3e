package io.kdg4j.core.internal;

import io.kdg4j.core.record.PreparedText;
import io.kdg4j.core.record.Token;
import java.math.BigDecimal;

/** A value fixed at compile time, with its text prepared once. */
final class ConstantNode extends Node {
    private final Token token;
    private final long number;
    private final int scale;
    private final PreparedText text;

    private ConstantNode(Token token, long number, int scale, PreparedText text) {
        this.token = token;
        this.number = number;
        this.scale = scale;
        this.text = text;
    }

    static ConstantNode text(String value) {
        return new ConstantNode(Token.TEXT, 0, 0, PreparedText.of(value));
    }

    static ConstantNode ofLong(long value) {
        return new ConstantNode(Token.LONG, value, 0, null);
    }

    static ConstantNode ofDouble(double value) {
        return new ConstantNode(Token.DOUBLE, Double.doubleToRawLongBits(value), 0, null);
    }

    static ConstantNode ofBoolean(boolean value) {
        return new ConstantNode(Token.BOOLEAN, value ? 1 : 0, 0, null);
    }

    static ConstantNode ofNull() {
        return new ConstantNode(Token.NULL, 0, 0, null);
    }

    /** A decimal; null when it does not fit an unscaled long with a scale in [0, 18]. */
    static ConstantNode ofDecimal(BigDecimal value) {
        BigDecimal normalized = value.scale() < 0 ? value.setScale(0) : value;
        if (normalized.scale() > 18 || normalized.unscaledValue().bitLength() > 63) {
            return null;
        }
        return new ConstantNode(Token.DECIMAL, normalized.unscaledValue().longValue(), normalized.scale(), null);
    }

    /** The constant's text, as a template or partition key would use it. */
    String asText() {
        switch (token) {
            case TEXT:
                return text.text();
            case LONG:
                return Long.toString(number);
            case DECIMAL:
                return BigDecimal.valueOf(number, scale).toPlainString();
            case DOUBLE:
                return Double.toString(Double.longBitsToDouble(number));
            case BOOLEAN:
                return Boolean.toString(number != 0);
            default:
                return "";
        }
    }

    @Override
    boolean ignoresSeed() {
        return true;
    }

    @Override
    void generate(GenContext ctx, long seed) {
        switch (token) {
            case TEXT -> ctx.tape.text(text);
            case LONG -> ctx.tape.longValue(number);
            case DECIMAL -> ctx.tape.decimal(number, scale);
            case DOUBLE -> ctx.tape.doubleValue(Double.longBitsToDouble(number));
            case BOOLEAN -> ctx.tape.booleanValue(number != 0);
            default -> ctx.tape.nullValue();
        }
    }
}
