package io.kdg4j.benchmarks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.Map;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs a test class as Maven Surefire and Gradle do: a launcher session, then discovery and execution. */
final class JunitEngine {
    private JunitEngine() {
    }

    /** Starts running {@code testClass} with these configuration parameters on a thread of its own. */
    static Thread start(Class<?> testClass, Map<String, String> parameters) {
        Thread engine = new Thread(() -> {
            // the session loads its listeners from the classpath, as a build tool's does
            try (LauncherSession session = LauncherFactory.openSession()) {
                session.getLauncher().execute(LauncherDiscoveryRequestBuilder.request()
                        .configurationParameters(parameters).selectors(selectClass(testClass)).build());
            }
        }, "junit-engine");
        engine.start();
        return engine;
    }
}
