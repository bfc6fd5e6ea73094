package dev.scimctl.scim;

import java.time.Duration;

/** Waits between retries; a seam so that tests of the retry logic do not take real seconds. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(Math.max(0, d.toMillis()));

    void sleep(Duration duration) throws InterruptedException;
}
