package io.kdg4j.core.internal;

import io.kdg4j.core.SchemaException;
import io.kdg4j.core.record.PreparedText;
import io.kdg4j.core.schema.ArraySpec;
import io.kdg4j.core.schema.BooleanSpec;
import io.kdg4j.core.schema.ChoiceSpec;
import io.kdg4j.core.schema.ConcatSpec;
import io.kdg4j.core.schema.ConstantSpec;
import io.kdg4j.core.schema.DecimalRangeSpec;
import io.kdg4j.core.schema.DerivedSpec;
import io.kdg4j.core.schema.DoubleRangeSpec;
import io.kdg4j.core.schema.EventSpec;
import io.kdg4j.core.schema.ExponentialSpec;
import io.kdg4j.core.schema.FakerSpec;
import io.kdg4j.core.schema.FieldSpec;
import io.kdg4j.core.schema.GeoPointSpec;
import io.kdg4j.core.schema.LongRangeSpec;
import io.kdg4j.core.schema.NormalSpec;
import io.kdg4j.core.schema.NullableSpec;
import io.kdg4j.core.schema.ObjectSpec;
import io.kdg4j.core.schema.PartitionKeySpec;
import io.kdg4j.core.schema.RefSpec;
import io.kdg4j.core.scenario.Pick;
import io.kdg4j.core.scenario.Population;
import io.kdg4j.core.schema.SequenceSpec;
import io.kdg4j.core.schema.SwitchSpec;
import io.kdg4j.core.schema.TemplateSpec;
import io.kdg4j.core.schema.TimestampSpec;
import io.kdg4j.core.schema.UlidSpec;
import io.kdg4j.core.schema.UuidSpec;
import io.kdg4j.core.schema.ValueSpec;
import io.kdg4j.core.schema.ZipfSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a schema and compiles it into a {@link CompiledSchema}. Every problem found is reported together,
 * each naming the field's path, the rule and the value, in one {@link SchemaException}.
 */
public final class SchemaCompiler {
    static final int MAX_PRECISION = 15;
    static final int MAX_DECIMAL_SCALE = 18;
    static final int MAX_ARRAY_LENGTH = 1_000_000;
    static final int MAX_PARTITION_KEY_LENGTH = 256;

    private final List<String> problems = new ArrayList<>();
    private final Map<String, Integer> slotByPath = new HashMap<>();
    private final List<Locale> locales = new ArrayList<>();
    private final List<ObjectNode> objects = new ArrayList<>();
    private final Set<Integer> referencedSlots = new java.util.HashSet<>();
    private final Locale defaultLocale;
    private int stateCount;
    private final Map<Population, RefSpec> firstReference = new HashMap<>();
    private final Map<Population, Integer> referenceSlots = new HashMap<>();

    private SchemaCompiler(Locale defaultLocale) {
        this.defaultLocale = defaultLocale;
    }

    public static CompiledSchema compile(ValueSpec root, PartitionKeySpec partitionKey, Locale locale) {
        SchemaCompiler compiler = new SchemaCompiler(locale);
        Node node = compiler.compile(root, "", null);
        PartitionKeyPlan key = compiler.compileKey(partitionKey, root);
        if (!compiler.problems.isEmpty()) {
            throw new SchemaException(compiler.problems);
        }
        for (ObjectNode object : compiler.objects) {
            object.track(compiler.referencedSlots);
        }
        return new CompiledSchema(node, key, compiler.slotByPath.size(), compiler.stateCount,
                List.copyOf(compiler.locales));
    }

    // ----- values -----

    private Node compile(ValueSpec spec, String path, Scope scope) {
        if (spec == null) {
            return problem(path, "has no spec (null)");
        }
        if (spec instanceof ConstantSpec c) {
            return constant(c.value(), path);
        } else if (spec instanceof LongRangeSpec r) {
            return longRange(r, path);
        } else if (spec instanceof DoubleRangeSpec r) {
            return doubleRange(r, path);
        } else if (spec instanceof DecimalRangeSpec r) {
            return decimalRange(r, path);
        } else if (spec instanceof BooleanSpec b) {
            return probability(b.probability(), "probability", path) ? new BooleanNode(b.probability()) : null;
        } else if (spec instanceof ChoiceSpec c) {
            return choice(c, path, scope);
        } else if (spec instanceof NormalSpec n) {
            return normal(n, path);
        } else if (spec instanceof ExponentialSpec e) {
            return exponential(e, path);
        } else if (spec instanceof ZipfSpec z) {
            return zipf(z, path, scope);
        } else if (spec instanceof SequenceSpec s) {
            return sequence(s, path);
        } else if (spec instanceof UuidSpec) {
            return new UuidNode();
        } else if (spec instanceof UlidSpec) {
            return new UlidNode();
        } else if (spec instanceof TimestampSpec t) {
            return TimestampCompiler.compile(t, path, this);
        } else if (spec instanceof FakerSpec f) {
            return FakerCompiler.compile(f, path, localeSlot(f.locale()), locale(f.locale()), this);
        } else if (spec instanceof ObjectSpec o) {
            return object(o, path, scope);
        } else if (spec instanceof ArraySpec a) {
            return array(a, path, scope);
        } else if (spec instanceof NullableSpec n) {
            Node value = compile(n.value(), path, scope);
            return probability(n.nullRate(), "nullRate", path) && value != null
                    ? new NullableNode(value, n.nullRate()) : null;
        } else if (spec instanceof DerivedSpec d) {
            return derived(d, path, scope);
        } else if (spec instanceof TemplateSpec t) {
            return template(t, path, scope);
        } else if (spec instanceof ConcatSpec c) {
            return concat(c, path, scope);
        } else if (spec instanceof SwitchSpec s) {
            return switchOn(s, path, scope);
        } else if (spec instanceof GeoPointSpec g) {
            return geoPoint(g, path);
        } else if (spec instanceof RefSpec r) {
            return reference(r, path);
        } else if (spec instanceof EventSpec e) {
            return new EventNode(e.part());
        }
        return problem(path, "has an unsupported spec " + spec.getClass().getName());
    }

    private Node constant(Object value, String path) {
        if (value == null) {
            return ConstantNode.ofNull();
        } else if (value instanceof String s) {
            return ConstantNode.text(s);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            return ConstantNode.ofLong(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            return ConstantNode.ofDouble(((Number) value).doubleValue());
        } else if (value instanceof BigDecimal d) {
            ConstantNode node = ConstantNode.ofDecimal(d);
            return node != null ? node : problem(path, "constant " + d + " needs more than 18 decimals or 63 bits");
        } else if (value instanceof Boolean b) {
            return ConstantNode.ofBoolean(b);
        } else if (value instanceof Character || value instanceof Enum<?>) {
            return ConstantNode.text(value.toString());
        }
        return problem(path, "constant must be a String, Number, Boolean or null but was a "
                + value.getClass().getName() + " (" + value + ")");
    }

    private Node longRange(LongRangeSpec r, String path) {
        boolean ok = check(r.min() <= r.max(), path, "min must be <= max, but min was " + r.min() + " and max was "
                + r.max());
        ok &= check(r.step() > 0, path, "step must be positive but was " + r.step());
        return ok ? new ScaledNumberNode(r.min(), r.max(), r.step(), 0) : null;
    }

    private Node doubleRange(DoubleRangeSpec r, String path) {
        boolean ok = finite(r.min(), "min", path) & finite(r.max(), "max", path);
        ok &= check(!ok || r.min() <= r.max(), path, "min must be <= max, but min was " + r.min() + " and max was "
                + r.max());
        ok &= precision(r.precision(), path);
        if (!ok) {
            return null;
        }
        if (r.precision() < 0) {
            return new UniformDoubleNode(r.min(), r.max());
        }
        return scaledRange(BigDecimal.valueOf(r.min()), BigDecimal.valueOf(r.max()), r.precision(), path);
    }

    private Node decimalRange(DecimalRangeSpec r, String path) {
        boolean ok = check(r.step().signum() > 0, path, "step must be positive but was "
                + r.step().toPlainString());
        ok &= check(r.step().scale() <= MAX_DECIMAL_SCALE, path, "step must have at most " + MAX_DECIMAL_SCALE
                + " decimals but was " + r.step().toPlainString());
        ok &= check(r.min().compareTo(r.max()) <= 0, path, "min must be <= max, but min was "
                + r.min().toPlainString() + " and max was " + r.max().toPlainString());
        if (!ok) {
            return null;
        }
        int scale = Math.max(0, r.step().scale());
        BigInteger stepUnscaled = r.step().setScale(scale).unscaledValue();
        BigInteger first = r.min().divide(r.step(), 0, RoundingMode.CEILING).toBigInteger();
        BigInteger last = r.max().divide(r.step(), 0, RoundingMode.FLOOR).toBigInteger();
        if (first.compareTo(last) > 0) {
            return problem(path, "no multiple of " + r.step().toPlainString() + " lies in [" + r.min().toPlainString()
                    + ", " + r.max().toPlainString() + "]");
        }
        BigInteger lo = first.multiply(stepUnscaled);
        BigInteger hi = last.multiply(stepUnscaled);
        if (lo.bitLength() > 63 || hi.bitLength() > 63 || stepUnscaled.bitLength() > 63) {
            return problem(path, "[" + r.min().toPlainString() + ", " + r.max().toPlainString() + "] in steps of "
                    + r.step().toPlainString() + " needs more than 63 bits; use a coarser step or a smaller range");
        }
        return new ScaledNumberNode(lo.longValue(), hi.longValue(), stepUnscaled.longValue(), scale);
    }

    private Node scaledRange(BigDecimal min, BigDecimal max, int scale, String path) {
        BigInteger lo = min.setScale(scale, RoundingMode.CEILING).unscaledValue();
        BigInteger hi = max.setScale(scale, RoundingMode.FLOOR).unscaledValue();
        if (lo.compareTo(hi) > 0) {
            return problem(path, "no number with " + scale + " decimals lies in [" + min.toPlainString() + ", "
                    + max.toPlainString() + "]");
        }
        if (lo.bitLength() > 63 || hi.bitLength() > 63) {
            return problem(path, "[" + min.toPlainString() + ", " + max.toPlainString() + "] with " + scale
                    + " decimals needs more than 63 bits; use fewer decimals or a smaller range");
        }
        return new ScaledNumberNode(lo.longValue(), hi.longValue(), 1, scale);
    }

    private Node choice(ChoiceSpec c, String path, Scope scope) {
        if (c.options().isEmpty()) {
            return problem(path, "a choice needs at least one option but the list was empty");
        }
        boolean ok = true;
        AliasTable alias = null;
        if (c.weighted()) {
            double[] weights = new double[c.weights().size()];
            double total = 0;
            for (int i = 0; i < weights.length; i++) {
                Double w = c.weights().get(i);
                boolean valid = w != null && Double.isFinite(w) && w >= 0;
                ok &= check(valid, path, "weight of option " + (i + 1) + " (" + describe(c.options().get(i))
                        + ") must be a non-negative number but was " + w);
                weights[i] = valid ? w : 0;
                total += weights[i];
            }
            ok &= check(!ok || total > 0, path, "the weights must not all be zero");
            if (ok) {
                alias = new AliasTable(weights);
            }
        }
        Node[] options = new Node[c.options().size()];
        for (int i = 0; i < options.length; i++) {
            options[i] = compile(c.options().get(i), path, scope);
            ok &= options[i] != null;
        }
        return ok ? new ChoiceNode(options, alias) : null;
    }

    private static String describe(ValueSpec option) {
        return option instanceof ConstantSpec c ? "'" + c.value() + "'" : option.getClass().getSimpleName();
    }

    private Node normal(NormalSpec n, String path) {
        boolean ok = finite(n.mean(), "mean", path);
        ok &= check(Double.isFinite(n.standardDeviation()) && n.standardDeviation() >= 0, path,
                "standardDeviation must be a non-negative number but was " + n.standardDeviation());
        ok &= check(!Double.isNaN(n.min()) && !Double.isNaN(n.max()) && n.min() <= n.max(), path,
                "min must be <= max, but min was " + n.min() + " and max was " + n.max());
        ok &= precision(n.precision(), path);
        if (!ok) {
            return null;
        }
        return new NormalNode(n.mean(), n.standardDeviation(), n.min(), n.max(), n.precision(),
                unscaledBound(n.min(), n.precision(), RoundingMode.CEILING),
                unscaledBound(n.max(), n.precision(), RoundingMode.FLOOR));
    }

    private Node exponential(ExponentialSpec e, String path) {
        boolean ok = check(Double.isFinite(e.mean()) && e.mean() > 0, path,
                "mean must be a positive number but was " + e.mean());
        ok &= check(e.max() > 0, path, "max must be positive but was " + e.max());
        ok &= precision(e.precision(), path);
        return ok ? new ExponentialNode(e.mean(), e.max(), e.precision(),
                unscaledBound(e.max(), e.precision(), RoundingMode.FLOOR)) : null;
    }

    private static long unscaledBound(double bound, int precision, RoundingMode rounding) {
        if (precision < 0 || Double.isInfinite(bound)) {
            return bound < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        BigInteger unscaled = BigDecimal.valueOf(bound).setScale(precision, rounding).unscaledValue();
        if (unscaled.bitLength() > 63) {
            return bound < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return unscaled.longValue();
    }

    private Node zipf(ZipfSpec z, String path, Scope scope) {
        boolean ok = check(z.n() >= 1, path, "n (the number of ranks) must be at least 1 but was " + z.n());
        ok &= check(Double.isFinite(z.exponent()) && z.exponent() > 0, path,
                "exponent must be a positive number but was " + z.exponent());
        Node[] values = null;
        if (!z.values().isEmpty()) {
            ok &= check(z.values().size() == z.n(), path, "n must equal the number of values (" + z.values().size()
                    + ") but was " + z.n());
            values = new Node[z.values().size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = compile(z.values().get(i), path, scope);
                ok &= values[i] != null;
            }
        }
        return ok ? new ZipfNode(new ZipfSampler(z.n(), z.exponent()), values) : null;
    }

    private Node sequence(SequenceSpec s, String path) {
        return check(s.wrapAfter() >= 0, path, "wrapAfter must be 0 (never) or positive but was " + s.wrapAfter())
                ? new SequenceNode(s.start(), s.step(), s.wrapAfter()) : null;
    }

    private Node array(ArraySpec a, String path, Scope scope) {
        boolean ok = check(a.minLength() >= 0, path, "minLength must be >= 0 but was " + a.minLength());
        ok &= check(a.minLength() <= a.maxLength(), path, "minLength must be <= maxLength, but minLength was "
                + a.minLength() + " and maxLength was " + a.maxLength());
        ok &= check(a.maxLength() <= MAX_ARRAY_LENGTH, path, "maxLength must be at most " + MAX_ARRAY_LENGTH
                + " but was " + a.maxLength());
        Node element = compile(a.element(), path + "[]", scope);
        return ok && element != null ? new ArrayNode(element, a.minLength(), a.maxLength()) : null;
    }

    // ----- objects and references -----

    /** The object being compiled, against which references of the fields inside it are resolved. */
    private static final class Scope {
        final String path;
        final ObjectSpec spec;
        final Scope parent;
        final Map<String, Integer> indexByName = new HashMap<>();
        final List<Set<Integer>> dependencies = new ArrayList<>();
        int currentField;

        Scope(String path, ObjectSpec spec, Scope parent) {
            this.path = path;
            this.spec = spec;
            this.parent = parent;
            for (int i = 0; i < spec.fields().size(); i++) {
                indexByName.putIfAbsent(spec.fields().get(i).name(), i);
                dependencies.add(new LinkedHashSet<>());
            }
        }

        String childPath(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }
    }

    private Node object(ObjectSpec o, String path, Scope enclosing) {
        List<FieldSpec> fields = o.fields();
        boolean ok = true;
        Set<String> seen = new LinkedHashSet<>();
        for (FieldSpec field : fields) {
            ok &= check(!field.name().isEmpty(), path, "a field name must not be empty");
            ok &= check(seen.add(field.name()), path, "field name '" + field.name() + "' is used twice");
        }
        Scope scope = new Scope(path, o, enclosing);
        int n = fields.size();
        PreparedText[] names = new PreparedText[n];
        Node[] values = new Node[n];
        int[] slots = new int[n];
        int[][] nested = new int[n][];
        for (int i = 0; i < n; i++) {
            FieldSpec field = fields.get(i);
            String fieldPath = scope.childPath(field.name());
            scope.currentField = i;
            names[i] = PreparedText.of(field.name());
            slots[i] = slot(fieldPath);
            values[i] = compile(field.value(), fieldPath, scope);
            ok &= values[i] != null;
            List<Integer> below = new ArrayList<>();
            collectNestedSlots(field.value(), fieldPath, below);
            nested[i] = below.stream().mapToInt(Integer::intValue).toArray();
        }
        int[] order = generationOrder(scope, path);
        if (!ok || order == null) {
            return null;
        }
        boolean declaredOrder = true;
        for (int i = 0; i < n; i++) {
            declaredOrder &= order[i] == i;
        }
        ObjectNode node = new ObjectNode(names, values, slots, declaredOrder ? null : order, nested,
                declaredOrder ? -1 : stateCount++);
        objects.add(node);
        return node;
    }

    private void collectNestedSlots(ValueSpec spec, String path, List<Integer> into) {
        ValueSpec inner = spec instanceof NullableSpec n ? n.value() : spec;
        if (inner instanceof ObjectSpec o) {
            for (FieldSpec field : o.fields()) {
                String fieldPath = path + "." + field.name();
                into.add(slot(fieldPath));
                collectNestedSlots(field.value(), fieldPath, into);
            }
        }
    }

    /** Fields in an order where every field comes after those it reads (Kahn), or null on a cycle. */
    private int[] generationOrder(Scope scope, String path) {
        int n = scope.dependencies.size();
        int[] order = new int[n];
        boolean[] placed = new boolean[n];
        int count = 0;
        boolean progress = true;
        while (count < n && progress) {
            progress = false;
            for (int i = 0; i < n; i++) {
                if (!placed[i] && allPlaced(scope.dependencies.get(i), placed)) {
                    placed[i] = true;
                    order[count++] = i;
                    progress = true;
                }
            }
        }
        if (count == n) {
            return order;
        }
        problems.add(describe(path) + ": derived fields form a cycle: " + cycle(scope, placed));
        return null;
    }

    private static boolean allPlaced(Set<Integer> dependencies, boolean[] placed) {
        for (int d : dependencies) {
            if (!placed[d]) {
                return false;
            }
        }
        return true;
    }

    private static String cycle(Scope scope, boolean[] placed) {
        int start = 0;
        while (placed[start]) {
            start++;
        }
        List<Integer> walk = new ArrayList<>();
        int current = start;
        while (!walk.contains(current)) {
            walk.add(current);
            for (int d : scope.dependencies.get(current)) {
                if (!placed[d]) {
                    current = d;
                    break;
                }
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = walk.indexOf(current); i < walk.size(); i++) {
            text.append('\'').append(scope.spec.fields().get(walk.get(i)).name()).append("' -> ");
        }
        return text.append('\'').append(scope.spec.fields().get(current).name()).append('\'').toString();
    }

    /**
     * Resolves a reference made by the field being compiled in {@code scope}: the first segment names a field
     * of that object or, failing that, of an enclosing one; the field of that object which holds the reference
     * then depends on it. Returns the slot, or null after reporting the problem.
     */
    private Integer reference(String source, String path, Scope scope) {
        if (scope == null) {
            problem(path, "reads field '" + source + "' but is not inside an object");
            return null;
        }
        String[] segments = source.split("\\.", -1);
        Scope owner = scope;
        while (owner != null && !owner.indexByName.containsKey(segments[0])) {
            owner = owner.parent;
        }
        if (owner == null) {
            problem(path, "reads '" + source + "', but '" + segments[0] + "' is not a field of "
                    + describeObject(scope.path) + (scope.parent != null ? " or of the objects around it" : "")
                    + " (fields: " + scope.indexByName.keySet() + ")");
            return null;
        }
        int sibling = owner.indexByName.get(segments[0]);
        owner.dependencies.get(owner.currentField).add(sibling);
        ValueSpec current = owner.spec.fields().get(sibling).value();
        String walked = segments[0];
        for (int i = 1; i < segments.length; i++) {
            ValueSpec inner = current instanceof NullableSpec n ? n.value() : current;
            if (!(inner instanceof ObjectSpec object)) {
                problem(path, "reads '" + source + "', but '" + walked + "' is not an object"
                        + (inner instanceof ArraySpec ? " (paths cannot go through arrays)" : ""));
                return null;
            }
            String segment = segments[i];
            current = null;
            for (FieldSpec field : object.fields()) {
                if (field.name().equals(segment)) {
                    current = field.value();
                }
            }
            if (current == null) {
                problem(path, "reads '" + source + "', but '" + segment + "' is not a field of '" + walked + "'");
                return null;
            }
            walked = walked + "." + segment;
        }
        int slot = slot(owner.childPath(source));
        referencedSlots.add(slot);
        return slot;
    }

    private Node derived(DerivedSpec d, String path, Scope scope) {
        Map<String, Integer> slots = new LinkedHashMap<>();
        boolean ok = true;
        for (String source : d.sources()) {
            Integer slot = reference(source, path, scope);
            ok &= slot != null;
            if (slot != null) {
                slots.put(source, slot);
            }
        }
        return ok ? new DerivedNode(Map.copyOf(slots), d.function(), path) : null;
    }

    private Node template(TemplateSpec t, String path, Scope scope) {
        List<String> literals = new ArrayList<>();
        List<String> references = new ArrayList<>();
        String error = TemplateText.parse(t.template(), literals, references);
        if (error != null) {
            return problem(path, "template \"" + t.template() + "\" " + error);
        }
        int[] slots = new int[references.size()];
        boolean ok = true;
        for (int i = 0; i < slots.length; i++) {
            Integer slot = reference(references.get(i), path, scope);
            ok &= slot != null;
            slots[i] = slot == null ? -1 : slot;
        }
        return ok ? new TemplateNode(literals.toArray(String[]::new), slots, t.lowerCased()) : null;
    }

    private Node concat(ConcatSpec c, String path, Scope scope) {
        Node[] parts = new Node[c.parts().size()];
        PreparedText[] constants = new PreparedText[parts.length];
        boolean ok = true;
        for (int i = 0; i < parts.length; i++) {
            parts[i] = compile(c.parts().get(i), path, scope);
            ok &= parts[i] != null;
            if (parts[i] instanceof ConstantNode constant) {
                constants[i] = PreparedText.of(constant.asText());
            }
        }
        return ok ? new ConcatNode(parts, constants) : null;
    }

    /** References to one population share a state slot (one entity per record), so they must pick alike. */
    private Node reference(RefSpec r, String path) {
        Population population = r.population();
        RefSpec first = firstReference.putIfAbsent(population, r);
        if (first != null && !first.pick().equals(r.pick())) {
            return problem(path, "refers to population '" + population.name() + "' with pick " + r.pick()
                    + " but another field of the record picks with " + first.pick()
                    + "; a record picks one entity per population, so every reference must pick alike");
        }
        if (r.pick() instanceof Pick.Zipf z && !(z.exponent() > 0 && Double.isFinite(z.exponent()))) {
            return problem(path, "Zipf exponent must be positive and finite but was " + z.exponent());
        }
        if (r.pick() instanceof Pick.Weighted w && !knownAttribute(population, w.field())) {
            return problem(path, "weights read attribute '" + w.field() + "', which population '"
                    + population.name() + "' does not have");
        }
        if (r.field() != null && !knownAttribute(population, r.field())) {
            return problem(path, "population '" + population.name() + "' has no attribute '" + r.field() + "'"
                    + NearestName.of(r.field(), topLevelNames(population)).map(s -> " (did you mean '" + s
                    + "'?)").orElse(""));
        }
        int slot = referenceSlots.computeIfAbsent(population, p -> stateCount++);
        return new RefNode(population, r.field(), r.pick(), slot);
    }

    private static boolean knownAttribute(Population population, String path) {
        ValueSpec current = population.attributes().root();
        for (String name : path.split("\\.", -1)) {
            ValueSpec inner = current instanceof NullableSpec n ? n.value() : current;
            if (!(inner instanceof ObjectSpec object)) {
                return false;
            }
            current = object.fields().stream().filter(f -> f.name().equals(name)).map(FieldSpec::value)
                    .findFirst().orElse(null);
            if (current == null) {
                return false;
            }
        }
        return true;
    }

    private static List<String> topLevelNames(Population population) {
        return population.attributes().root() instanceof ObjectSpec o
                ? o.fields().stream().map(FieldSpec::name).toList() : List.of();
    }

    private Node geoPoint(GeoPointSpec g, String path) {
        boolean ok = check(g.latitude() >= -90 && g.latitude() <= 90, path, "latitude must be in [-90, 90] but was "
                + g.latitude());
        ok &= check(g.longitude() >= -180 && g.longitude() <= 180, path, "longitude must be in [-180, 180] but was "
                + g.longitude());
        ok &= check(g.radiusKm() >= 0 && g.radiusKm() <= 1000, path, "radiusKm must be in [0, 1000] but was "
                + g.radiusKm());
        ok &= check(g.precision() >= 0 && g.precision() <= 10, path, "precision must be in [0, 10] but was "
                + g.precision());
        return ok ? new GeoPointNode(g.latitude(), g.longitude(), g.radiusKm(), g.precision(), g.text()) : null;
    }

    private Node switchOn(SwitchSpec s, String path, Scope scope) {
        Integer source = reference(s.source(), path, scope);
        boolean ok = source != null;
        Map<String, Integer> caseByKey = new HashMap<>();
        Node[] cases = new Node[s.cases().size()];
        for (int i = 0; i < cases.length; i++) {
            ok &= check(caseByKey.putIfAbsent(s.keys().get(i), i) == null, path,
                    "case '" + s.keys().get(i) + "' is given twice");
            cases[i] = compile(s.cases().get(i), path, scope);
            ok &= cases[i] != null;
        }
        Node otherwise = compile(s.otherwise(), path, scope);
        return ok && otherwise != null ? new SwitchNode(source, Map.copyOf(caseByKey), cases, otherwise) : null;
    }

    // ----- partition keys -----

    private PartitionKeyPlan compileKey(PartitionKeySpec spec, ValueSpec root) {
        if (spec instanceof PartitionKeySpec.RandomKey) {
            return PartitionKeyPlan.random();
        } else if (spec instanceof PartitionKeySpec.ConstantKey c) {
            int length = c.key().length();
            check(length >= 1 && length <= MAX_PARTITION_KEY_LENGTH, "partitionKey",
                    "a partition key must be 1 to " + MAX_PARTITION_KEY_LENGTH + " characters but was " + length);
            return PartitionKeyPlan.constant(c.key());
        } else if (spec instanceof PartitionKeySpec.FieldKey f) {
            return keyTemplate("${" + f.path() + "}", root);
        } else if (spec instanceof PartitionKeySpec.TemplateKey t) {
            return keyTemplate(t.template(), root);
        }
        problem("partitionKey", "is missing");
        return null;
    }

    private PartitionKeyPlan keyTemplate(String template, ValueSpec root) {
        List<String> literals = new ArrayList<>();
        List<String> references = new ArrayList<>();
        String error = TemplateText.parse(template, literals, references);
        if (error != null) {
            problem("partitionKey", "template \"" + template + "\" " + error);
            return null;
        }
        if (!(root instanceof ObjectSpec object) && !(root instanceof ConcatSpec)) {
            problem("partitionKey", "reads fields " + references + " but the record is not an object (nor text "
                    + "that may hold a JSON object, as a KDG template renders)");
            return null;
        }
        if (!(root instanceof ObjectSpec object)) {
            // a text record (a KDG template): its fields are read from the rendered text when it is a JSON object
            return PartitionKeyPlan.jsonText(literals.toArray(String[]::new),
                    references.stream().map(r -> r.split("\\.", -1)).toArray(String[][]::new));
        }
        String[][] paths = new String[references.size()][];
        Scope scope = new Scope("", object, null);
        scope.currentField = 0;
        for (int i = 0; i < paths.length; i++) {
            if (object.fields().isEmpty()) {
                problem("partitionKey", "reads '" + references.get(i) + "' but the record has no fields");
                return null;
            }
            reference(references.get(i), "partitionKey", scope);
            paths[i] = references.get(i).split("\\.", -1);
        }
        return PartitionKeyPlan.template(literals.toArray(String[]::new), paths);
    }

    // ----- shared checks -----

    int newStateSlot() {
        return stateCount++;
    }

    private int slot(String path) {
        return slotByPath.computeIfAbsent(path, p -> slotByPath.size());
    }

    private Locale locale(Locale requested) {
        return requested != null ? requested : defaultLocale;
    }

    private int localeSlot(Locale requested) {
        Locale locale = locale(requested);
        int index = locales.indexOf(locale);
        if (index < 0) {
            locales.add(locale);
            index = locales.size() - 1;
        }
        return index;
    }

    Node problem(String path, String message) {
        problems.add(describe(path) + ": " + message);
        return null;
    }

    boolean check(boolean condition, String path, String message) {
        if (!condition) {
            problem(path, message);
        }
        return condition;
    }

    private boolean finite(double value, String name, String path) {
        return check(Double.isFinite(value), path, name + " must be a finite number but was " + value);
    }

    private boolean probability(double value, String name, String path) {
        return check(value >= 0 && value <= 1, path, name + " must be in [0, 1] but was " + value);
    }

    private boolean precision(int precision, String path) {
        return check(precision >= -1 && precision <= MAX_PRECISION, path, "precision must be in [0, "
                + MAX_PRECISION + "] decimals (or -1 for full doubles) but was " + precision);
    }

    private static String describe(String path) {
        if (path.equals("partitionKey")) {
            return "partitionKey";
        }
        return path.isEmpty() ? "the record" : "field '" + path + "'";
    }

    private static String describeObject(String path) {
        return path.isEmpty() ? "the record" : "'" + path + "'";
    }
}
