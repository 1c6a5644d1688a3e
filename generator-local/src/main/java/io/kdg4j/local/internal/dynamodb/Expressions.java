package io.kdg4j.local.internal.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * DynamoDB's expression language, parsed into closures over an item: condition, filter and key-condition
 * expressions (comparisons, BETWEEN, IN, AND/OR/NOT, attribute_exists, attribute_not_exists, attribute_type,
 * begins_with, contains, size), update expressions (SET with + and -, if_not_exists and list_append; REMOVE; ADD;
 * DELETE) and projection expressions, with #name and :value placeholders. Written here because no Java library
 * implements DynamoDB's own grammar and semantics (a missing attribute fails a comparison, <> between types is
 * true, SET reads the item as it was before the update).
 */
final class Expressions {
    private Expressions() {
    }

    /** A test of an item. */
    @FunctionalInterface
    interface Condition {
        boolean test(ObjectNode item);
    }

    /** A value read from an item (a path), given (a :value) or computed (size); null when missing. */
    @FunctionalInterface
    interface Operand {
        JsonNode value(ObjectNode item);
    }

    /** The placeholders of one request, and which of them its expressions used. */
    static final class Placeholders {
        private final JsonNode names;
        private final JsonNode values;
        private final Set<String> usedNames = new HashSet<>();
        private final Set<String> usedValues = new HashSet<>();

        Placeholders(JsonNode names, JsonNode values) {
            this.names = names;
            this.values = values;
        }

        String name(String placeholder) {
            JsonNode name = names == null ? null : names.get(placeholder);
            if (name == null) {
                throw Dynamo.validation("An expression attribute name used in the document path is not defined; "
                        + "attribute name: " + placeholder);
            }
            usedNames.add(placeholder);
            return name.asText();
        }

        JsonNode value(String placeholder) {
            JsonNode value = values == null ? null : values.get(placeholder);
            if (value == null) {
                throw Dynamo.validation("An expression attribute value used in expression is not defined; "
                        + "attribute value: " + placeholder);
            }
            AttributeValues.validate(value);
            usedValues.add(placeholder);
            return value;
        }

        /** DynamoDB refuses placeholders that no expression of the request uses. */
        void checkAllUsed() {
            Set<String> unusedNames = new LinkedHashSet<>();
            if (names != null) {
                names.fieldNames().forEachRemaining(n -> {
                    if (!usedNames.contains(n)) {
                        unusedNames.add(n);
                    }
                });
            }
            if (!unusedNames.isEmpty()) {
                throw Dynamo.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                        + String.join(", ", unusedNames) + "}");
            }
            Set<String> unusedValues = new LinkedHashSet<>();
            if (values != null) {
                values.fieldNames().forEachRemaining(v -> {
                    if (!usedValues.contains(v)) {
                        unusedValues.add(v);
                    }
                });
            }
            if (!unusedValues.isEmpty()) {
                throw Dynamo.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                        + String.join(", ", unusedValues) + "}");
            }
        }
    }

    static Condition condition(String text, Placeholders placeholders, String what) {
        Parser parser = new Parser(text, placeholders, what);
        Condition condition = parser.condition();
        parser.expectEnd();
        return condition;
    }

    /**
     * The partition key value a key condition fixes ({@code #pk = :v}); a ValidationException when it fixes none,
     * as DynamoDB requires an equality on the partition key.
     */
    static JsonNode partitionKeyValue(String text, Placeholders placeholders, String hashName) {
        Parser parser = new Parser(text, placeholders, "KeyConditionExpression");
        parser.condition();
        parser.expectEnd();
        for (Object[] equality : parser.equalities) {
            if (((DocumentPath) equality[0]).isTopLevel() && ((DocumentPath) equality[0]).top().equals(hashName)) {
                return (JsonNode) equality[1];
            }
        }
        throw Dynamo.validation("Query condition missed key schema element: " + hashName);
    }

    static List<DocumentPath> projection(String text, Placeholders placeholders) {
        Parser parser = new Parser(text, placeholders, "ProjectionExpression");
        List<DocumentPath> paths = new ArrayList<>();
        do {
            paths.add(parser.path());
        } while (parser.accept(","));
        parser.expectEnd();
        return paths;
    }

    /** An update expression: apply it to a copy of the item; it reads the item as it was before. */
    static Update update(String text, Placeholders placeholders) {
        Parser parser = new Parser(text, placeholders, "UpdateExpression");
        Update update = parser.update();
        parser.expectEnd();
        return update;
    }

    /** The actions of an update expression, in order. */
    static final class Update {
        private final List<Action> actions = new ArrayList<>();

        /** The attribute names the update writes (the first step of each path). */
        Set<String> topLevelNames() {
            Set<String> names = new LinkedHashSet<>();
            actions.forEach(a -> names.add(a.path().top()));
            return names;
        }

        /** Applies the update to {@code item} (changed in place), every value computed from {@code before}. */
        void apply(ObjectNode before, ObjectNode item) {
            List<Runnable> writes = new ArrayList<>();
            for (Action action : actions) {
                writes.add(action.plan(before, item));
            }
            writes.forEach(Runnable::run);
        }
    }

    /** One action of an update: the path it writes, and how it plans its write from the item as it was. */
    private record Action(DocumentPath path, Planner planner) {
        Runnable plan(ObjectNode before, ObjectNode item) {
            return planner.plan(before, item);
        }
    }

    @FunctionalInterface
    private interface Planner {
        /** Reads {@code before} now; the returned write changes {@code item} later, after every action has read. */
        Runnable plan(ObjectNode before, ObjectNode item);
    }

    private record Token(String kind, String text, int at) {
    }

    /** Splits an expression into names, placeholders, numbers and symbols. */
    private static List<Token> lex(String text, String what) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_' || c == '#' || c == ':') {
                int start = i++;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                        || text.charAt(i) == '-')) {
                    i++;
                }
                tokens.add(new Token(c == '#' ? "name" : c == ':' ? "value" : "word", text.substring(start, i),
                        start));
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < text.length() && Character.isDigit(text.charAt(i))) {
                    i++;
                }
                tokens.add(new Token("number", text.substring(start, i), start));
            } else if (text.startsWith("<>", i) || text.startsWith("<=", i) || text.startsWith(">=", i)) {
                tokens.add(new Token("symbol", text.substring(i, i + 2), i));
                i += 2;
            } else if ("=<>(),.[]+-".indexOf(c) >= 0) {
                tokens.add(new Token("symbol", String.valueOf(c), i));
                i++;
            } else {
                throw Dynamo.validation("Invalid " + what + ": Syntax error; token: \"" + c + "\", near: \""
                        + text.substring(Math.max(0, i - 5), Math.min(text.length(), i + 5)) + "\"");
            }
        }
        return tokens;
    }

    /** Recursive descent over the tokens. */
    private static final class Parser {
        private final String text;
        private final List<Token> tokens;
        private final Placeholders placeholders;
        private final String what;
        private int next;
        /** Path = value comparisons seen, as {path, value}: a key condition's partition key comes from these. */
        final List<Object[]> equalities = new ArrayList<>();
        private DocumentPath lastPath;
        private JsonNode lastValue;

        Parser(String text, Placeholders placeholders, String what) {
            this.text = text;
            this.tokens = lex(text, what);
            this.placeholders = placeholders;
            this.what = what;
            if (tokens.isEmpty()) {
                throw Dynamo.validation("Invalid " + what + ": The expression can not be empty;");
            }
        }

        private Token peek() {
            return next < tokens.size() ? tokens.get(next) : null;
        }

        private boolean peekIs(String symbolOrKeyword) {
            Token token = peek();
            return token != null && (token.kind().equals("symbol") || token.kind().equals("word"))
                    && token.text().equalsIgnoreCase(symbolOrKeyword);
        }

        boolean accept(String symbolOrKeyword) {
            if (peekIs(symbolOrKeyword)) {
                next++;
                return true;
            }
            return false;
        }

        private void expect(String symbol) {
            if (!accept(symbol)) {
                throw syntax();
            }
        }

        void expectEnd() {
            if (peek() != null) {
                throw syntax();
            }
        }

        private RuntimeException syntax() {
            Token token = peek();
            return Dynamo.validation("Invalid " + what + ": Syntax error; token: \""
                    + (token == null ? "<EOF>" : token.text()) + "\", near: \"" + (token == null
                    ? text.substring(Math.max(0, text.length() - 10)) : text.substring(Math.max(0, token.at() - 5),
                    Math.min(text.length(), token.at() + token.text().length() + 5))) + "\"");
        }

        // ----- conditions -----

        Condition condition() {
            Condition left = and();
            while (accept("OR")) {
                Condition a = left;
                Condition b = and();
                left = item -> a.test(item) || b.test(item);
            }
            return left;
        }

        private Condition and() {
            Condition left = not();
            while (accept("AND")) {
                Condition a = left;
                Condition b = not();
                left = item -> a.test(item) && b.test(item);
            }
            return left;
        }

        private Condition not() {
            if (accept("NOT")) {
                Condition inner = not();
                return item -> !inner.test(item);
            }
            return primary();
        }

        private Condition primary() {
            if (accept("(")) {
                Condition inner = condition();
                expect(")");
                return inner;
            }
            Token token = peek();
            if (token != null && token.kind().equals("word") && next + 1 < tokens.size()
                    && tokens.get(next + 1).text().equals("(")) {
                String function = token.text();
                switch (function) {
                    case "attribute_exists", "attribute_not_exists" -> {
                        next += 2;
                        DocumentPath path = path();
                        expect(")");
                        boolean exists = function.equals("attribute_exists");
                        return item -> (path.get(item) != null) == exists;
                    }
                    case "attribute_type" -> {
                        next += 2;
                        DocumentPath path = path();
                        expect(",");
                        Operand type = operand();
                        expect(")");
                        return item -> {
                            JsonNode value = path.get(item);
                            JsonNode wanted = type.value(item);
                            return value != null && wanted != null && wanted.has("S")
                                    && AttributeValues.type(value).equals(wanted.get("S").asText());
                        };
                    }
                    case "begins_with" -> {
                        next += 2;
                        Operand value = operand();
                        expect(",");
                        Operand prefix = operand();
                        expect(")");
                        return item -> beginsWith(value.value(item), prefix.value(item));
                    }
                    case "contains" -> {
                        next += 2;
                        Operand container = operand();
                        expect(",");
                        Operand element = operand();
                        expect(")");
                        return item -> contains(container.value(item), element.value(item));
                    }
                    case "size" -> {
                        // size(path) compared with something: an operand, handled below
                    }
                    default -> throw Dynamo.validation("Invalid " + what + ": Invalid function name; function: "
                            + function);
                }
            }
            Operand left = operand();
            if (accept("BETWEEN")) {
                Operand low = operand();
                expect("AND");
                Operand high = operand();
                return item -> {
                    JsonNode v = left.value(item);
                    JsonNode lo = low.value(item);
                    JsonNode hi = high.value(item);
                    return AttributeValues.comparable(v, lo) && AttributeValues.comparable(v, hi)
                            && AttributeValues.compare(v, lo) >= 0 && AttributeValues.compare(v, hi) <= 0;
                };
            }
            if (accept("IN")) {
                expect("(");
                List<Operand> options = new ArrayList<>();
                do {
                    options.add(operand());
                } while (accept(","));
                expect(")");
                return item -> {
                    JsonNode v = left.value(item);
                    return options.stream().anyMatch(o -> AttributeValues.equal(v, o.value(item)));
                };
            }
            DocumentPath leftPath = lastPath;
            JsonNode leftValue = lastValue;
            Token comparator = peek();
            if (comparator == null || !List.of("=", "<>", "<", "<=", ">", ">=").contains(comparator.text())) {
                throw syntax();
            }
            next++;
            Operand right = operand();
            String op = comparator.text();
            if (op.equals("=") && leftPath != null && lastValue != null) {
                equalities.add(new Object[] {leftPath, lastValue});
            } else if (op.equals("=") && leftValue != null && lastPath != null) {
                equalities.add(new Object[] {lastPath, leftValue});
            }
            return item -> compare(op, left.value(item), right.value(item));
        }

        private static boolean compare(String op, JsonNode a, JsonNode b) {
            if (a == null || b == null) {
                return false;
            }
            return switch (op) {
                case "=" -> AttributeValues.equal(a, b);
                case "<>" -> !AttributeValues.equal(a, b);
                default -> {
                    if (!AttributeValues.comparable(a, b)) {
                        yield false;
                    }
                    int c = AttributeValues.compare(a, b);
                    yield switch (op) {
                        case "<" -> c < 0;
                        case "<=" -> c <= 0;
                        case ">" -> c > 0;
                        default -> c >= 0;
                    };
                }
            };
        }

        private static boolean beginsWith(JsonNode value, JsonNode prefix) {
            if (value == null || prefix == null) {
                return false;
            }
            if (value.has("S") && prefix.has("S")) {
                return value.get("S").asText().startsWith(prefix.get("S").asText());
            }
            if (value.has("B") && prefix.has("B")) {
                byte[] v = java.util.Base64.getDecoder().decode(value.get("B").asText());
                byte[] p = java.util.Base64.getDecoder().decode(prefix.get("B").asText());
                return v.length >= p.length && java.util.Arrays.equals(v, 0, p.length, p, 0, p.length);
            }
            return false;
        }

        private static boolean contains(JsonNode container, JsonNode element) {
            if (container == null || element == null) {
                return false;
            }
            String type = AttributeValues.type(container);
            JsonNode inner = container.get(type);
            switch (type) {
                case "S":
                    return element.has("S") && inner.asText().contains(element.get("S").asText());
                case "SS", "NS", "BS": {
                    String elementType = type.substring(0, 1);
                    if (!element.has(elementType)) {
                        return false;
                    }
                    for (JsonNode e : inner) {
                        if (AttributeValues.equal(AttributeValues.of(elementType, e), element)) {
                            return true;
                        }
                    }
                    return false;
                }
                case "L": {
                    for (JsonNode e : inner) {
                        if (AttributeValues.equal(e, element)) {
                            return true;
                        }
                    }
                    return false;
                }
                default:
                    return false;
            }
        }

        // ----- operands and paths -----

        private Operand operand() {
            lastPath = null;
            lastValue = null;
            Token token = peek();
            if (token == null) {
                throw syntax();
            }
            if (token.kind().equals("value")) {
                next++;
                JsonNode value = placeholders.value(token.text());
                lastValue = value;
                return item -> value;
            }
            if (token.kind().equals("word") && token.text().equals("size") && next + 1 < tokens.size()
                    && tokens.get(next + 1).text().equals("(")) {
                next += 2;
                DocumentPath path = path();
                expect(")");
                return item -> {
                    JsonNode value = path.get(item);
                    return value == null ? null : AttributeValues.number(BigDecimal.valueOf(
                            AttributeValues.size(value)));
                };
            }
            DocumentPath path = path();
            lastPath = path;
            return path::get;
        }

        DocumentPath path() {
            List<Object> segments = new ArrayList<>();
            segments.add(name());
            while (true) {
                if (accept(".")) {
                    segments.add(name());
                } else if (accept("[")) {
                    Token index = peek();
                    if (index == null || !index.kind().equals("number")) {
                        throw syntax();
                    }
                    next++;
                    segments.add(Integer.parseInt(index.text()));
                    expect("]");
                } else {
                    return new DocumentPath(segments);
                }
            }
        }

        private String name() {
            Token token = peek();
            if (token == null || token.kind().equals("value") || token.kind().equals("symbol")
                    || token.kind().equals("number")) {
                throw syntax();
            }
            next++;
            return token.kind().equals("name") ? placeholders.name(token.text()) : token.text();
        }

        // ----- updates -----

        Update update() {
            Update update = new Update();
            Set<String> clauses = new HashSet<>();
            while (peek() != null) {
                Token clause = peek();
                String keyword = clause.text().toUpperCase(Locale.ROOT);
                if (!clause.kind().equals("word") || !List.of("SET", "REMOVE", "ADD", "DELETE").contains(keyword)) {
                    throw syntax();
                }
                if (!clauses.add(keyword)) {
                    throw Dynamo.validation("Invalid UpdateExpression: The \"" + keyword + "\" section can only be "
                            + "used once in an update expression;");
                }
                next++;
                do {
                    update.actions.add(switch (keyword) {
                        case "SET" -> set();
                        case "REMOVE" -> remove();
                        case "ADD" -> add();
                        default -> delete();
                    });
                } while (accept(","));
            }
            checkOverlaps(update);
            return update;
        }

        private static void checkOverlaps(Update update) {
            Set<String> seen = new HashSet<>();
            for (Action action : update.actions) {
                String path = action.path().toString();
                for (String other : seen) {
                    if (other.equals(path) || path.startsWith(other + ".") || path.startsWith(other + "[")
                            || other.startsWith(path + ".") || other.startsWith(path + "[")) {
                        throw Dynamo.validation("Invalid UpdateExpression: Two document paths overlap with each "
                                + "other; must remove or rewrite one of these paths; path one: [" + other
                                + "], path two: [" + path + "]");
                    }
                }
                seen.add(path);
            }
        }

        private Action set() {
            DocumentPath path = path();
            expect("=");
            Operand value = setValue();
            return new Action(path, (before, item) -> {
                JsonNode computed = value.value(before);
                if (computed == null) {
                    throw Dynamo.validation("The provided expression refers to an attribute that does not exist in "
                            + "the item");
                }
                return () -> path.set(item, computed.deepCopy());
            });
        }

        private Operand setValue() {
            Operand left = setOperand();
            if (accept("+") || (peekIs("-") && accept("-"))) {
                boolean plus = tokens.get(next - 1).text().equals("+");
                Operand right = setOperand();
                return item -> {
                    JsonNode a = left.value(item);
                    JsonNode b = right.value(item);
                    if (a == null || b == null) {
                        return null;
                    }
                    if (!a.has("N") || !b.has("N")) {
                        throw Dynamo.validation("An operand in the update expression has an incorrect data type");
                    }
                    BigDecimal x = AttributeValues.number(a.get("N").asText());
                    BigDecimal y = AttributeValues.number(b.get("N").asText());
                    return AttributeValues.number(plus ? x.add(y) : x.subtract(y));
                };
            }
            return left;
        }

        private Operand setOperand() {
            Token token = peek();
            if (token != null && token.kind().equals("word") && next + 1 < tokens.size()
                    && tokens.get(next + 1).text().equals("(")) {
                if (token.text().equals("if_not_exists")) {
                    next += 2;
                    DocumentPath path = path();
                    expect(",");
                    Operand fallback = setOperand();
                    expect(")");
                    return item -> {
                        JsonNode value = path.get(item);
                        return value != null ? value : fallback.value(item);
                    };
                }
                if (token.text().equals("list_append")) {
                    next += 2;
                    Operand first = setOperand();
                    expect(",");
                    Operand second = setOperand();
                    expect(")");
                    return item -> {
                        JsonNode a = first.value(item);
                        JsonNode b = second.value(item);
                        if (a == null || b == null || !a.has("L") || !b.has("L")) {
                            throw Dynamo.validation("An operand in the update expression has an incorrect data type");
                        }
                        ArrayNode joined = AttributeValues.array();
                        joined.addAll((ArrayNode) a.get("L"));
                        joined.addAll((ArrayNode) b.get("L"));
                        return AttributeValues.of("L", joined);
                    };
                }
                throw Dynamo.validation("Invalid UpdateExpression: Invalid function name; function: " + token.text());
            }
            return operand();
        }

        private Action remove() {
            DocumentPath path = path();
            return new Action(path, (before, item) -> () -> path.remove(item));
        }

        private Action add() {
            DocumentPath path = path();
            Operand value = operand();
            return new Action(path, (before, item) -> {
                JsonNode added = Updates.add(path.get(before), value.value(before));
                return () -> path.set(item, added);
            });
        }

        private Action delete() {
            DocumentPath path = path();
            Operand value = operand();
            return new Action(path, (before, item) -> {
                JsonNode left = Updates.deleteFromSet(path.get(before), value.value(before));
                return () -> {
                    if (left == null) {
                        path.remove(item);
                    } else {
                        path.set(item, left);
                    }
                };
            });
        }
    }

    /** Placeholders read from a request's ExpressionAttributeNames and ExpressionAttributeValues. */
    static Placeholders placeholders(JsonNode request) {
        return new Placeholders(request.get("ExpressionAttributeNames"), request.get("ExpressionAttributeValues"));
    }
}
