package io.kdg4j.core.kdg.helpers;

import static io.kdg4j.core.Fields.concat;
import static io.kdg4j.core.Fields.constant;
import static io.kdg4j.core.Fields.integers;
import static io.kdg4j.core.Fields.oneOf;

import io.kdg4j.core.schema.ValueSpec;

/**
 * faker 3.1's {@code image} namespace. faker 3.1 builds lorempixel.com URLs, a service that no longer answers;
 * kdg4j builds the same URLs on loremflickr.com, which serves a picture for a size and a tag, so a consumer that
 * fetches the URL gets an image.
 */
final class ImageHelpers {
    static final String SERVICE = "https://loremflickr.com/";

    private ImageHelpers() {
    }

    static void register(HelperTable.Registrar table) {
        table.helper("image.image", "", "`" + SERVICE + "640/480/category`, a random category of faker 3.1's 13",
                call -> image());
        table.fakeHelper("image.avatar", "#{Avatar.image}", "Datafaker `Avatar.image`, a robohash.org URL");
        table.helper("image.imageUrl", "width, height, category, randomize", "`" + SERVICE + "W/H[/category]` "
                + "(640x480), with `?n` when randomize", call -> url(call, call.string(2, null), 3));
        for (String category : Faker31Values.IMAGE_CATEGORIES) {
            table.helper("image." + category, "width, height, randomize", "`" + SERVICE + "W/H/" + category + "`",
                    call -> url(call, category, 2));
        }
        table.helper("image.dataUri", "width, height", "an SVG data URI of that size (newer faker's)", call -> {
            int width = call.integer(0, 640, 1, 10_000, "width");
            int height = call.integer(1, 480, 1, 10_000, "height");
            return constant("data:image/svg+xml;charset=UTF-8,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000"
                    + "%2Fsvg%22%20version%3D%221.1%22%20width%3D%22" + width + "%22%20height%3D%22" + height
                    + "%22%3E%3Crect%20width%3D%22100%25%22%20height%3D%22100%25%22%20fill%3D%22grey%22%2F%3E"
                    + "%3C%2Fsvg%3E");
        });
    }

    /** image.image and random.image: a 640x480 picture of a random category. */
    static ValueSpec image() {
        return concat(SERVICE + "640/480/", oneOf(Faker31Values.IMAGE_CATEGORIES));
    }

    private static ValueSpec url(HelperCall call, String category, int randomizeArgument) {
        int width = call.integer(0, 640, 1, 10_000, "width");
        int height = call.integer(1, 480, 1, 10_000, "height");
        String base = SERVICE + width + "/" + height + (category == null ? "" : "/" + category);
        // faker 3.1 appends "?" and random.number() (0..99999) to defeat caches
        return call.bool(randomizeArgument, false) ? concat(base + "?", integers(0, 99_999)) : constant(base);
    }
}
