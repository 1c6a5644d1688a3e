package io.kdg4j.examples.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kdg4j.aws.LandingReader;
import io.kdg4j.aws.StreamReader;
import io.kdg4j.core.run.RunSummary;
import io.kdg4j.junit.KinesisFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

class RandomUsersFilteredTest {
    private static final int USERS = 2_000;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void onlyAdultMen_landInS3_asJsonLines_withNameAgeAndCoordinates() throws Exception {
        try (KinesisFixture fixture = KinesisFixture.auto()) {
            RunSummary produced = RandomUsersFiltered.produce(fixture, USERS, 18);
            assertThat(produced.acked()).isEqualTo(USERS);

            AdultMaleFilter.Outcome outcome = RandomUsersFiltered.filter(fixture, USERS, 1);
            assertThat(outcome.read()).isEqualTo(USERS);
            assertThat(outcome.failedByCode()).isEmpty();
            assertThat(outcome.acked()).isEqualTo(outcome.kept());

            // what should land, worked out here from the stream itself rather than by the filter's own code
            List<String> expected = new ArrayList<>();
            int women = 0;
            int boys = 0;
            for (var record : StreamReader.readAll(fixture.kinesis(), RandomUsersFiltered.STREAM, USERS,
                    Duration.ofSeconds(30))) {
                JsonNode user = json.readTree(record.data().asUtf8String());
                boolean male = user.get("gender").asText().equals("male");
                int age = user.get("age").asInt();
                women += male ? 0 : 1;
                boys += male && age < 18 ? 1 : 0;
                if (male && age >= 18) {
                    expected.add(user.get("name").get("first").asText() + " " + user.get("name").get("last").asText()
                            + " " + age + " " + user.get("location").get("coordinates").get("latitude").asText());
                }
            }
            assertThat(women).as("the preset makes women, which the filter drops").isPositive();
            assertThat(boys).as("and men under 18, which it drops too").isPositive();
            assertThat(outcome.kept()).isEqualTo(expected.size());

            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> LandingReader.lines(fixture.s3(),
                    RandomUsersFiltered.BUCKET, RandomUsersFiltered.PREFIX).size() >= expected.size());
            List<String> landed = new ArrayList<>();
            for (String line : LandingReader.lines(fixture.s3(), RandomUsersFiltered.BUCKET,
                    RandomUsersFiltered.PREFIX)) {
                JsonNode man = json.readTree(line);
                assertThat(man.fieldNames()).toIterable()
                        .containsExactly("first", "last", "age", "latitude", "longitude");
                assertThat(man.get("latitude").isNumber()).isTrue();
                landed.add(man.get("first").asText() + " " + man.get("last").asText() + " " + man.get("age").asInt()
                        + " " + man.get("latitude").asText());
            }
            assertThat(landed).containsExactlyInAnyOrderElementsOf(expected);
        }
    }
}
