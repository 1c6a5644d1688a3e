package io.kdg4j.junit.internal;

import io.kdg4j.aws.AwsEndpoint;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.testcontainers.containers.BindMode;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.TestcontainersConfiguration;
import software.amazon.awssdk.regions.Region;

/**
 * LocalStack in Docker, through Testcontainers, configured for what kdg4j's tests need.
 *
 * <ul>
 *   <li>No {@code SERVICES} list: LocalStack 4.x starts each service on first use. A list of kinesis, firehose and
 *       s3 leaves out STS, through which LocalStack's Firehose assumes its delivery role before every delivery, so
 *       nothing would ever land.</li>
 *   <li>Two start attempts: Testcontainers 2.0.5 rarely fails a start (exit 126, its start script copied after the
 *       container started).</li>
 *   <li>An optional host folder for LocalStack's data and package cache ({@value #CONTAINER_DATA}): LocalStack
 *       4.14.0 installs kinesis-mock from npm inside the container on first use, so a machine offline needs a cache
 *       warmed once while online.</li>
 *   <li>Reuse only where the user turned on Testcontainers' reuse ({@code testcontainers.reuse.enable=true} in
 *       {@code ~/.testcontainers.properties}): then the container is left running for the next run and for other
 *       JVMs, never stopped under them; otherwise it is stopped at the end of the run.</li>
 * </ul>
 */
public final class LocalStackBackend {
    /** Where LocalStack keeps its state and the packages it installs. */
    public static final String CONTAINER_DATA = "/var/lib/localstack";

    private LocalStackBackend() {
    }

    /**
     * How to start it.
     *
     * @param image the image, such as localstack/localstack:4.14.0
     * @param authToken LOCALSTACK_AUTH_TOKEN, passed through when not null
     * @param cacheDirectory a host folder mounted at {@value #CONTAINER_DATA}, or null
     * @param reuse whether Testcontainers' reuse is on: the container outlives the run
     */
    public record Settings(String image, String authToken, Path cacheDirectory, boolean reuse) {
        /** The image, with LOCALSTACK_AUTH_TOKEN and reuse as this machine has them. */
        public static Settings of(String image, Path cacheDirectory) {
            String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
            boolean reuse;
            try {
                reuse = TestcontainersConfiguration.getInstance().environmentSupportsReuse();
            } catch (RuntimeException | LinkageError e) {
                reuse = false;
            }
            return new Settings(image, token == null || token.isBlank() ? null : token, cacheDirectory, reuse);
        }
    }

    /**
     * Everything the container is started with, as data: Testcontainers needs a Docker engine merely to construct
     * a LocalStack container, so this is what tests check where there is none.
     *
     * @param services the SERVICES list: empty, so that LocalStack starts what is used
     * @param binds host folder to container folder
     */
    public record Plan(String image, List<String> services, Map<String, String> env, Map<String, String> binds,
                       int startupAttempts, boolean reuse) {
        public Plan {
            services = List.copyOf(services);
            env = Map.copyOf(env);
            binds = Map.copyOf(binds);
        }
    }

    public static Plan plan(Settings settings) {
        Map<String, String> env = new LinkedHashMap<>();
        if (settings.authToken() != null) {
            env.put("LOCALSTACK_AUTH_TOKEN", settings.authToken());
        }
        Map<String, String> binds = new LinkedHashMap<>();
        if (settings.cacheDirectory() != null) {
            binds.put(settings.cacheDirectory().toAbsolutePath().toString(), CONTAINER_DATA);
        }
        return new Plan(settings.image(), List.of(), env, binds, 2, settings.reuse());
    }

    /** The container the plan describes, not started (this needs a Docker engine). */
    public static LocalStackContainer container(Plan plan) {
        LocalStackContainer container = new LocalStackContainer(plan.image())
                .withStartupAttempts(plan.startupAttempts()).withReuse(plan.reuse());
        if (!plan.services().isEmpty()) {
            container.withServices(plan.services().toArray(String[]::new));
        }
        plan.env().forEach(container::withEnv);
        plan.binds().forEach((host, inside) -> container.withFileSystemBind(host, inside, BindMode.READ_WRITE));
        return container;
    }

    /** Starts it; closing the backend stops the container unless it is reused. */
    public static StartedBackend start(Settings settings) {
        LocalStackContainer container = container(plan(settings));
        container.start();
        AwsEndpoint endpoint = AwsEndpoint.of(container.getEndpoint(), Region.of(container.getRegion()),
                container.getAccessKey(), container.getSecretKey());
        return new StartedBackend("localstack", endpoint, whenDone(settings, container::stop));
    }

    /** What ending the run does to the container: nothing when it is reused (other runs and JVMs may use it). */
    static AutoCloseable whenDone(Settings settings, AutoCloseable stop) {
        return settings.reuse() ? () -> { } : stop;
    }
}
