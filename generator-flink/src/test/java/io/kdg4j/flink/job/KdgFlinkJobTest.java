package io.kdg4j.flink.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kdg4j.core.KdgException;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class KdgFlinkJobTest {
    @Test
    void records_takePlainAndScientificNotation() {
        assertThat(KdgFlinkJob.count("1e9")).isEqualTo(1_000_000_000L);
        assertThat(KdgFlinkJob.count("2.5e6")).isEqualTo(2_500_000L);
        assertThat(KdgFlinkJob.count("100_000")).isEqualTo(100_000L);
    }

    @Test
    void records_thatAreNotAWholeNumber_areRefused_namingTheFlagAndTheValue() {
        assertThatThrownBy(() -> KdgFlinkJob.count("lots")).isInstanceOf(KdgException.class)
                .hasMessage("--records must be a whole number such as 1000000 or 1e9, but was 'lots'");
        assertThatThrownBy(() -> KdgFlinkJob.count("1.5")).hasMessageContaining("--records")
                .hasMessageContaining("'1.5'");
        assertThatThrownBy(() -> KdgFlinkJob.count("-3")).hasMessage("--records must be >= 0 but was -3");
    }

    @Test
    void aJob_needsOneSourceAndOneTarget() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        assertThatThrownBy(() -> KdgFlinkJob.define(env, "--preset", "sakila"))
                .isInstanceOf(KdgException.class)
                .hasMessage("say where the records go: --stream NAME or --delivery-stream NAME");
        assertThatThrownBy(() -> KdgFlinkJob.define(env, "--stream", "s"))
                .isInstanceOf(CommandLine.MissingParameterException.class).hasMessageContaining("--scenario");
        assertThatThrownBy(() -> KdgFlinkJob.define(env, "--preset", "sakila", "--template", "a.kdg", "--stream", "s"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("mutually exclusive");
    }

    @Test
    void aTemplateThatDoesNotCompile_failsWhenTheJobIsBuilt_withLineAndColumn() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("bad", ".kdg");
        java.nio.file.Files.writeString(file, "{\"id\": {{random.nmber(10)}}}");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        assertThatThrownBy(() -> KdgFlinkJob.define(env, "--template", file.toString(), "--stream", "s"))
                .hasMessageContaining("line 1").hasMessageContaining("random.number");
    }

    @Test
    void aRateProfileThatReadsAFile_isRefused_becauseTaskManagersDoNotHaveIt() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        assertThatThrownBy(() -> KdgFlinkJob.define(env, "--preset", "iot", "--stream", "s",
                "--rate-profile", "periodic:file=grid.csv"))
                .hasMessageContaining("periodic:file=grid.csv").hasMessageContaining("cannot read a file");
    }
}
