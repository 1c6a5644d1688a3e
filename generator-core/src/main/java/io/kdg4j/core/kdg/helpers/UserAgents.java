package io.kdg4j.core.kdg.helpers;

import net.datafaker.Faker;

/**
 * internet.userAgent as faker 3.1 writes them: desktop browsers of its day (Chrome, Internet Explorer, Firefox,
 * Safari) with random versions, in about the proportions faker 3.1 gives. Datafaker's list is of today's
 * browsers and phones, with other shapes, so kdg4j composes its own.
 */
final class UserAgents {
    private UserAgents() {
    }

    static String next(Faker f) {
        int pick = f.random().nextInt(1000);
        if (pick < 400) {
            return "Mozilla/5.0 (Windows; U; Windows NT " + windowsVersion(f) + ") AppleWebKit/" + webKit(f)
                    + " (KHTML, like Gecko) Chrome/" + chrome(f) + " Safari/" + webKit(f);
        } else if (pick < 620) {
            return "Mozilla/5.0 (compatible; MSIE " + between(f, 7, 10) + ".0; Windows NT " + windowsVersion(f)
                    + "; Trident/" + between(f, 3, 7) + "." + between(f, 0, 1)
                    + (pick < 520 ? ")" : "; .NET CLR " + between(f, 1, 4) + "." + between(f, 0, 9) + "."
                    + between(f, 10_000, 99_999) + "." + between(f, 0, 9) + ")");
        } else if (pick < 770) {
            String platform = pick < 670 ? "" : pick < 730 ? "; WOW64" : "; Win64; x64";
            return "Mozilla/5.0 (Windows NT " + windowsVersion(f) + platform + "; " + firefox(f);
        } else if (pick < 830) {
            return "Mozilla/5.0 (Macintosh; " + (pick < 800 ? "U; " : "") + "Intel Mac OS X " + macVersion(f, "_")
                    + " rv:" + between(f, 2, 6) + ".0; " + locale(f) + ") AppleWebKit/" + webKit(f)
                    + " (KHTML, like Gecko) Version/" + between(f, 4, 7) + ".0." + between(f, 0, 5) + " Safari/"
                    + webKit(f);
        } else if (pick < 880) {
            return "Mozilla/5.0 (Windows NT 6." + between(f, 1, 3) + "; Trident/7.0; " + (pick < 855 ? "Touch; " : "")
                    + "rv:11.0) like Gecko";
        } else if (pick < 930) {
            return "Mozilla/5.0 (Macintosh; " + (pick < 905 ? "U; " : "") + "Intel Mac OS X " + macVersion(f, ".")
                    + "; " + firefox(f);
        } else {
            return "Mozilla/5.0 (Macintosh; U; " + (pick < 965 ? "PPC" : "Intel") + " Mac OS X " + macVersion(f, "_")
                    + ")  AppleWebKit/" + webKit(f) + " (KHTML, like Gecko) Chrome/" + chrome(f) + " Safari/"
                    + webKit(f);
        }
    }

    /** "rv:10.7) Gecko/20100101 Firefox/10.7.4", the version repeated as Firefox does. */
    private static String firefox(Faker f) {
        String version = between(f, 5, 15) + "." + between(f, 0, 9);
        return "rv:" + version + ") Gecko/20100101 Firefox/" + version + "." + between(f, 0, 9);
    }

    private static String windowsVersion(Faker f) {
        return between(f, 5, 6) + "." + between(f, 0, 3);
    }

    private static String macVersion(Faker f, String separator) {
        return "10" + separator + between(f, 5, 9) + separator + between(f, 0, 9);
    }

    private static String webKit(Faker f) {
        return between(f, 531, 538) + "." + between(f, 0, 2) + "." + between(f, 0, 2);
    }

    private static String chrome(Faker f) {
        return between(f, 13, 39) + ".0." + between(f, 800, 899) + ".0";
    }

    private static String locale(Faker f) {
        return "" + (char) ('A' + f.random().nextInt(26)) + (char) ('A' + f.random().nextInt(26));
    }

    private static int between(Faker f, int min, int max) {
        return min + f.random().nextInt(max - min + 1);
    }
}
