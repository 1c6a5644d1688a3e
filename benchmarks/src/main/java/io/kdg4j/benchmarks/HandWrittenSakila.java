package io.kdg4j.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import net.datafaker.Faker;

/**
 * The baseline: Sakila records written the way a competent user would by hand, with Datafaker calls into a
 * LinkedHashMap serialized by Jackson's ObjectMapper. Also runnable as a program that prints N records, to time
 * against {@code kdg preview --preset sakila} as whole processes.
 *
 * <p>Not thread-safe.
 */
public final class HandWrittenSakila {
    private static final String[] DISTRIBUTORS = {"amazon prime", "google play", "apple itunes", "vudo",
        "fandango now", "microsoft", "youtube"};
    private static final String[] PLATFORMS = {"ios", "android", "xbox", "playstation", "smarttv", "other"};

    private final Random random;
    private final Faker faker;
    private final ObjectMapper mapper = new ObjectMapper();

    public HandWrittenSakila(long seed) {
        random = new Random(seed);
        faker = new Faker(Locale.US, random);
    }

    public byte[] next() throws JsonProcessingException {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("timestamp", Instant.now().toString());
        double draw = random.nextDouble();
        record.put("eventType", draw < 0.3 ? "rent" : draw < 0.4 ? "buy" : "trailer");
        record.put("film_id", faker.number().numberBetween(1, 1001));
        record.put("distributor", faker.options().option(DISTRIBUTORS));
        record.put("platform", faker.options().option(PLATFORMS));
        record.put("state", faker.address().state());
        return mapper.writeValueAsBytes(record);
    }

    /** Prints N records, one per line: {@code java -cp benchmarks.jar io.kdg4j.benchmarks.HandWrittenSakila N}. */
    public static void main(String[] args) throws IOException {
        long count = args.length > 0 ? Long.parseLong(args[0]) : 10;
        HandWrittenSakila sakila = new HandWrittenSakila(7);
        try (OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16)) {
            for (long i = 0; i < count; i++) {
                out.write(sakila.next());
                out.write('\n');
            }
        }
    }
}
