package io.kdg4j.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedClass;

import io.kdg4j.junit.KinesisExtension;
import io.kdg4j.junit.KinesisGenerator;
import io.kdg4j.junit.KinesisTest;
import io.kdg4j.junit.RunningGenerator;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

class WarmUpTest {
    @KinesisTest
    static class Annotated {
        @Nested
        class Inner {
        }
    }

    static class GeneratorField {
        @KinesisGenerator(stream = "s", preset = "iot")
        RunningGenerator generator;
    }

    static class Registered {
        @RegisterExtension
        static KinesisExtension kinesis = KinesisExtension.builder().build();
    }

    static class Unrelated {
        @Test
        void plain() {
        }
    }

    @Test
    void isRegisteredForTheLauncherToFind() {
        assertThat(ServiceLoader.load(LauncherDiscoveryListener.class).stream().map(ServiceLoader.Provider::type))
                .contains(WarmUp.class);
    }

    @Test
    void recognisesEachWayOfUsingKdg4j() {
        assertThat(WarmUp.usesKinesis(Annotated.class)).isTrue();
        assertThat(WarmUp.usesKinesis(GeneratorField.class)).isTrue();
        assertThat(WarmUp.usesKinesis(Registered.class)).isTrue();
        assertThat(WarmUp.usesKinesis(Unrelated.class)).isFalse();
    }

    @Test
    void candidates_areTheClassesTheRequestNames_unlessTheWarmUpIsOff() throws Exception {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request().selectors(
                selectClass(Annotated.class), selectMethod(Unrelated.class, "plain"),
                selectNestedClass(List.of(Annotated.class), Annotated.Inner.class));
        assertThat(WarmUp.candidates(request.build())).containsExactlyInAnyOrder(Annotated.class.getName(),
                Unrelated.class.getName(), Annotated.Inner.class.getName());
        LauncherDiscoveryRequest off = request.configurationParameter(KinesisExtension.WARM_UP, "false").build();
        assertThat(WarmUp.candidates(off)).isEmpty();
    }

    @Test
    void warmsUpForAKdg4jClass_andAcksItsRecords() throws Exception {
        // a nested class counts through the class it is nested in
        assertThat(WarmUp.start(List.of(Unrelated.class.getName(), Annotated.Inner.class.getName()),
                getClass().getClassLoader()).get(60, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void doesNothingWhenNoClassUsesKdg4j() throws Exception {
        assertThat(WarmUp.start(List.of(Unrelated.class.getName(), "no.such.Class"), getClass().getClassLoader())
                .get(10, TimeUnit.SECONDS)).isFalse();
    }
}
