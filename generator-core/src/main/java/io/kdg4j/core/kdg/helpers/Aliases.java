package io.kdg4j.core.kdg.helpers;

/** Names users try from newer faker versions or by analogy, and the faker 3.1 helper each means. */
final class Aliases {
    private Aliases() {
    }

    static void register(HelperTable.Registrar table) {
        table.alias("current.timestamp", "date.now");
        table.alias("random.number.float", "random.float");
        table.alias("datatype.number", "random.number");
        table.alias("datatype.float", "random.float");
        table.alias("datatype.uuid", "random.uuid");
        table.alias("datatype.boolean", "random.boolean");
        table.alias("number.int", "random.number");
        table.alias("number.float", "random.float");
        table.alias("string.uuid", "random.uuid");
        table.alias("string.alphanumeric", "random.alphaNumeric");
        table.alias("helpers.arrayElement", "random.arrayElement");
        table.alias("helpers.weightedArrayElement", "random.weightedArrayElement");
        table.alias("person.firstName", "name.firstName");
        table.alias("person.lastName", "name.lastName");
        table.alias("person.fullName", "name.findName");
        table.alias("person.jobTitle", "name.jobTitle");
        table.alias("person.prefix", "name.prefix");
        table.alias("person.suffix", "name.suffix");
        table.alias("location.city", "address.city");
        table.alias("location.state", "address.state");
        table.alias("location.country", "address.country");
        table.alias("location.countryCode", "address.countryCode");
        table.alias("location.zipCode", "address.zipCode");
        table.alias("location.streetAddress", "address.streetAddress");
        table.alias("location.latitude", "address.latitude");
        table.alias("location.longitude", "address.longitude");
        table.alias("internet.ipv4", "internet.ip");
        table.alias("internet.username", "internet.userName");
        table.alias("date.anytime", "date.past");
    }
}
