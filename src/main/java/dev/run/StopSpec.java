package dev.run;

import dev.config.Signal;
import java.time.Duration;

/** How to stop a service without dev.toml: recorded in the state file for {@code dev stop} and the watchdog. */
public record StopSpec(Signal signal, Duration timeout, boolean keepDetached) {
}
