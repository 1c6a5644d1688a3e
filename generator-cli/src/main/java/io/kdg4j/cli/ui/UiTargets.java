package io.kdg4j.cli.ui;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.regions.Region;

/**
 * The targets the page can send to: one, or on AWS one per region the user picks on the page (each with its own
 * clients, built when the region is first asked for). Thread-safe; closing closes them all.
 */
final class UiTargets implements AutoCloseable {
    private final UiTarget first;
    private final String defaultRegion;
    private final Function<String, UiTarget> perRegion;
    private final Map<String, UiTarget> byRegion = new ConcurrentHashMap<>();

    /** A single target: an emulator or an endpoint, whose region is fixed. */
    static UiTargets single(UiTarget target) {
        return new UiTargets(target, null, null);
    }

    /** AWS: {@code first} in {@code defaultRegion}, and any other region made by {@code perRegion}. */
    static UiTargets perRegion(UiTarget first, String defaultRegion, Function<String, UiTarget> perRegion) {
        return new UiTargets(first, defaultRegion, perRegion);
    }

    private UiTargets(UiTarget first, String defaultRegion, Function<String, UiTarget> perRegion) {
        this.first = first;
        this.defaultRegion = defaultRegion;
        this.perRegion = perRegion;
        if (defaultRegion != null) {
            byRegion.put(defaultRegion, first);
        }
    }

    boolean regionsChoosable() {
        return perRegion != null;
    }

    String defaultRegion() {
        return defaultRegion;
    }

    /** The target for {@code region}; the first one when regions cannot be chosen or none is named. */
    UiTarget get(String region) {
        if (perRegion == null || region == null || region.isBlank()) {
            return first;
        }
        if (!regions().contains(region)) {
            throw new Api.BadRequest("region must be one of the AWS SDK's regions, such as eu-west-1, but was '"
                    + region + "'");
        }
        return byRegion.computeIfAbsent(region, perRegion);
    }

    /** The regions the page offers: the SDK's public ones. */
    static List<String> regions() {
        return Region.regions().stream().map(Region::id).filter(id -> !id.contains("gov") && !id.startsWith("cn-")
                && !id.startsWith("aws-") && !id.contains("iso") && id.matches("[a-z]{2}-[a-z]+-\\d")).sorted()
                .toList();
    }

    @Override
    public void close() {
        byRegion.values().forEach(UiTarget::close);
        if (!byRegion.containsValue(first)) {
            first.close();
        }
    }
}
