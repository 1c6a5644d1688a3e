package io.kdg4j.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM while a command runs: the first asks it to stop and drain, the second to stop at
 * once. A shutdown hook cannot do this: once the JVM starts to exit, the main thread cannot print its summary
 * reliably, and a second Ctrl-C is swallowed; handling the signals ({@code sun.misc.Signal}, in the jdk.unsupported
 * module that every JDK ships) keeps the main thread in charge. The previous handlers come back on close.
 */
final class StopSignals implements AutoCloseable {
    private static final String[] NAMES = {"INT", "TERM"};

    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();
    private final AtomicInteger received = new AtomicInteger();

    private StopSignals() {
    }

    /** Handles nothing: for runs inside another program (tests), whose signals are not kdg's to take. */
    static StopSignals none() {
        return new StopSignals();
    }

    /** Calls {@code first} on the first signal and {@code second} on every later one. */
    static StopSignals install(Runnable first, Runnable second) {
        StopSignals stops = new StopSignals();
        for (String name : NAMES) {
            Signal signal = new Signal(name);
            SignalHandler handler = s -> (stops.received.incrementAndGet() == 1 ? first : second).run();
            stops.previous.add(Signal.handle(signal, handler));
            stops.signals.add(signal);
        }
        return stops;
    }

    /** How many stop signals arrived. */
    int received() {
        return received.get();
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
    }
}
