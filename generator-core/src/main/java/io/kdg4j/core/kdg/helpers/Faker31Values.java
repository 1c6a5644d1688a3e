package io.kdg4j.core.kdg.helpers;

import java.util.List;
import java.util.Map;

/**
 * Small value sets that are facts of KDG's behaviour: what faker.js 3.1 (npm {@code faker@3.1.0}, English locale,
 * the faker KDG bundles) draws from where its set is short and differs from Datafaker's. Each list was read from
 * that package's {@code definitions} and is checked by Faker31ParityTest against faker 3.1 itself. Large
 * vocabularies (names, words, cities) come from Datafaker instead and are judged by shape.
 */
final class Faker31Values {
    /** address.county: faker 3.1's English counties. */
    static final List<String> COUNTIES = List.of("Avon", "Bedfordshire", "Berkshire", "Borders", "Buckinghamshire",
            "Cambridgeshire");

    /** commerce.department, with faker's own spelling "Jewelery". */
    static final List<String> DEPARTMENTS = List.of("Books", "Movies", "Music", "Games", "Electronics", "Computers",
            "Home", "Garden", "Tools", "Grocery", "Health", "Beauty", "Toys", "Kids", "Baby", "Clothing", "Shoes",
            "Jewelery", "Sports", "Outdoors", "Automotive", "Industrial");

    /** commerce.productAdjective, the first word of commerce.productName. */
    static final List<String> PRODUCT_ADJECTIVES = List.of("Small", "Ergonomic", "Rustic", "Intelligent", "Gorgeous",
            "Incredible", "Fantastic", "Practical", "Sleek", "Awesome", "Generic", "Handcrafted", "Handmade",
            "Licensed", "Refined", "Unbranded", "Tasty");

    /** commerce.productMaterial: faker 3.1's eleven product materials. */
    static final List<String> PRODUCT_MATERIALS = List.of("Steel", "Wooden", "Concrete", "Plastic", "Cotton",
            "Granite", "Rubber", "Metal", "Soft", "Fresh", "Frozen");

    /** commerce.product, the last word of commerce.productName. */
    static final List<String> PRODUCTS = List.of("Chair", "Car", "Computer", "Keyboard", "Mouse", "Bike", "Ball",
            "Gloves", "Pants", "Shirt", "Table", "Shoes", "Hat", "Towels", "Soap", "Tuna", "Chicken", "Fish", "Cheese",
            "Bacon", "Pizza", "Salad", "Sausages", "Chips");

    /** name.jobDescriptor, the first word of name.jobTitle ("Dynamic" is in faker's list twice). */
    static final List<String> JOB_DESCRIPTORS = List.of("Lead", "Senior", "Direct", "Corporate", "Dynamic", "Future",
            "Product", "National", "Regional", "District", "Central", "Global", "Customer", "Investor", "Dynamic",
            "International", "Legacy", "Forward", "Internal", "Human", "Chief", "Principal");

    /** name.jobArea, the middle word of name.jobTitle. */
    static final List<String> JOB_AREAS = List.of("Solutions", "Program", "Brand", "Security", "Research",
            "Marketing", "Directives", "Implementation", "Integration", "Functionality", "Response", "Paradigm",
            "Tactics", "Identity", "Markets", "Group", "Division", "Applications", "Optimization", "Operations",
            "Infrastructure", "Intranet", "Communications", "Web", "Branding", "Quality", "Assurance", "Mobility",
            "Accounts", "Data", "Creative", "Configuration", "Accountability", "Interactions", "Factors", "Usability",
            "Metrics");

    /** name.jobType, the last word of name.jobTitle (faker's spelling "Liason"). */
    static final List<String> JOB_TYPES = List.of("Supervisor", "Associate", "Executive", "Liason", "Officer",
            "Manager", "Engineer", "Specialist", "Director", "Coordinator", "Administrator", "Architect", "Analyst",
            "Designer", "Planner", "Orchestrator", "Technician", "Developer", "Producer", "Consultant", "Assistant",
            "Facilitator", "Agent", "Representative", "Strategist");

    /**
     * finance.currencySymbol: faker picks one of its currencies that has a symbol, uniformly, so a symbol shared by
     * several currencies ($ by 22) comes up that many times more often. Symbol -> number of currencies using it.
     */
    static final Map<String, Integer> CURRENCY_SYMBOLS = Map.ofEntries(Map.entry("؋", 1), Map.entry("Lek", 1),
            Map.entry("ƒ", 2), Map.entry("$", 22), Map.entry("ман", 1), Map.entry("KM", 1), Map.entry("лв", 4),
            Map.entry("$b", 1), Map.entry("R$", 1), Map.entry("P", 1), Map.entry("p.", 1), Map.entry("BZ$", 1),
            Map.entry("CHF", 1), Map.entry("¥", 2), Map.entry("₡", 1), Map.entry("₱", 1), Map.entry("Kč", 1),
            Map.entry("kr", 4), Map.entry("RD$", 1), Map.entry("£", 7), Map.entry("€", 1), Map.entry("Q", 1),
            Map.entry("L", 1), Map.entry("kn", 1), Map.entry("Ft", 1), Map.entry("Rp", 1), Map.entry("₪", 1),
            Map.entry("﷼", 5), Map.entry("J$", 1), Map.entry("៛", 1), Map.entry("₩", 2), Map.entry("₭", 1),
            Map.entry("₨", 5), Map.entry("Lt", 1), Map.entry("Ls", 1), Map.entry("ден", 1), Map.entry("₮", 1),
            Map.entry("RM", 1), Map.entry("MT", 1), Map.entry("₦", 1), Map.entry("C$", 1), Map.entry("B/.", 1),
            Map.entry("S/.", 1), Map.entry("Php", 1), Map.entry("zł", 1), Map.entry("Gs", 1), Map.entry("lei", 1),
            Map.entry("Дин.", 1), Map.entry("руб", 1), Map.entry("S", 1), Map.entry("฿", 1), Map.entry("TL", 1),
            Map.entry("TT$", 1), Map.entry("NT$", 1), Map.entry("₴", 1), Map.entry("$U", 1), Map.entry("Bs", 1),
            Map.entry("₫", 1), Map.entry("R", 1));

    /** internet.domainSuffix, and the end of internet.domainName, url and email domains. */
    static final List<String> DOMAIN_SUFFIXES = List.of("com", "biz", "info", "name", "net", "org");

    /** internet.email's providers when none is given. */
    static final List<String> FREE_EMAIL_PROVIDERS = List.of("gmail.com", "yahoo.com", "hotmail.com");

    /** internet.exampleEmail's providers. */
    static final List<String> EXAMPLE_EMAIL_PROVIDERS = List.of("example.org", "example.com", "example.net");

    /** phone.phoneFormats and phone.phoneNumberFormat(index): faker's twenty US formats, in its order. */
    static final List<String> PHONE_FORMATS = List.of("###-###-####", "(###) ###-####", "1-###-###-####",
            "###.###.####", "###-###-####", "(###) ###-####", "1-###-###-####", "###.###.####", "###-###-#### x###",
            "(###) ###-#### x###", "1-###-###-#### x###", "###.###.#### x###", "###-###-#### x####",
            "(###) ###-#### x####", "1-###-###-#### x####", "###.###.#### x####", "###-###-#### x#####",
            "(###) ###-#### x#####", "1-###-###-#### x#####", "###.###.#### x#####");

    /** random.locale: the 35 locales faker 3.1 ships (KDG bundles them all, though its page only uses en). */
    static final List<String> LOCALES = List.of("de", "de_AT", "de_CH", "en", "en_AU", "en_BORK", "en_CA", "en_GB",
            "en_IE", "en_IND", "en_US", "en_au_ocker", "es", "es_MX", "fa", "fr", "fr_CA", "ge", "id_ID", "it", "ja",
            "ko", "nb_NO", "nep", "nl", "pl", "pt_BR", "ru", "sk", "sv", "tr", "uk", "vi", "zh_CN", "zh_TW");

    /** system.fileType: the top-level types of the MIME database faker 3.1 carries, in its order. */
    static final List<String> FILE_TYPES = List.of("application", "audio", "chemical", "font", "image", "message",
            "model", "multipart", "text", "video", "x-conference", "x-shader");

    /**
     * system.commonFileExt: faker picks one of nine common MIME types, then one of that type's extensions (from the
     * MIME database it carries).
     */
    static final List<List<String>> COMMON_FILE_EXTENSIONS = List.of(List.of("pdf"),
            List.of("mpga", "mp2", "mp2a", "mp3", "m2a", "m3a"), List.of("wav"), List.of("png"),
            List.of("jpeg", "jpg", "jpe"), List.of("gif"), List.of("mp4", "mp4v", "mpg4"),
            List.of("mpeg", "mpg", "mpe", "m1v", "m2v"), List.of("html", "htm", "shtml"));

    /** image.image's categories (lorempixel's, which faker 3.1 used). */
    static final List<String> IMAGE_CATEGORIES = List.of("abstract", "animals", "business", "cats", "city", "food",
            "nightlife", "fashion", "people", "nature", "sports", "technics", "transport");

    private Faker31Values() {
    }
}
