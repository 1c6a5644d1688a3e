package io.kdg4j.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.localstack.LocalStackContainer;

/** The LocalStack container as kdg4j configures it; the plan is checked without Docker, the container with it. */
class LocalStackBackendTest {
    private static final String IMAGE = "localstack/localstack:4.14.0";

    @TempDir
    Path cache;

    @Test
    void noServicesList_soThatLocalStackStartsStsForFirehose_andEveryOtherServiceOnFirstUse() {
        LocalStackBackend.Plan plan = LocalStackBackend.plan(new LocalStackBackend.Settings(IMAGE, null, null, false));
        assertThat(plan.services()).isEmpty();
        assertThat(plan.env()).doesNotContainKey("SERVICES");
        assertThat(plan.image()).isEqualTo(IMAGE);
    }

    @Test
    void twoStartAttempts_forTestcontainersRareStartFailure() {
        assertThat(LocalStackBackend.plan(new LocalStackBackend.Settings(IMAGE, null, null, false))
                .startupAttempts()).isEqualTo(2);
    }

    @Test
    void aCacheDirectory_isMountedAsLocalStacksDataFolder() {
        assertThat(LocalStackBackend.plan(new LocalStackBackend.Settings(IMAGE, null, cache, false)).binds())
                .isEqualTo(Map.of(cache.toAbsolutePath().toString(), "/var/lib/localstack"));
        assertThat(LocalStackBackend.plan(new LocalStackBackend.Settings(IMAGE, null, null, false)).binds()).isEmpty();
    }

    @Test
    void reuse_onlyWhereTheUserTurnedItOn_andTheTokenPassedThrough() {
        LocalStackBackend.Plan reused = LocalStackBackend.plan(new LocalStackBackend.Settings(IMAGE, "ls-token", null,
                true));
        assertThat(reused.reuse()).isTrue();
        assertThat(reused.env()).containsEntry("LOCALSTACK_AUTH_TOKEN", "ls-token");
        LocalStackBackend.Plan fresh = LocalStackBackend.plan(new LocalStackBackend.Settings(IMAGE, null, null, false));
        assertThat(fresh.reuse()).isFalse();
        assertThat(fresh.env()).isEmpty();
    }

    @Test
    void aReusedContainer_isNeverStoppedAtTheEndOfARun_anyOtherIs() throws Exception {
        java.util.concurrent.atomic.AtomicInteger stops = new java.util.concurrent.atomic.AtomicInteger();
        LocalStackBackend.whenDone(new LocalStackBackend.Settings(IMAGE, null, null, true), stops::incrementAndGet)
                .close();
        assertThat(stops).hasValue(0);
        LocalStackBackend.whenDone(new LocalStackBackend.Settings(IMAGE, null, null, false), stops::incrementAndGet)
                .close();
        assertThat(stops).hasValue(1);
    }

    @Test
    @Tag("localstack")
    void theContainer_isConfiguredAsPlanned() {
        assumeTrue(Backends.dockerAvailable(), "no Docker engine answers: the container cannot be built");
        LocalStackContainer container = LocalStackBackend.container(LocalStackBackend.plan(
                new LocalStackBackend.Settings(IMAGE, "ls-token", cache, true)));
        assertThat(container.getStartupAttempts()).isEqualTo(2);
        assertThat(container.isShouldBeReused()).isTrue();
        assertThat(container.getEnvMap()).containsEntry("LOCALSTACK_AUTH_TOKEN", "ls-token")
                .doesNotContainKey("SERVICES");
        assertThat(container.getBinds()).singleElement().satisfies(bind ->
                assertThat(bind.getVolume().getPath()).isEqualTo("/var/lib/localstack"));
    }
}
