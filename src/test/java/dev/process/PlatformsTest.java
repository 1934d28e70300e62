package dev.process;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PlatformsTest {

    @Test
    void choosesByOperatingSystemOnce() {
        assertInstanceOf(LinuxProcessPlatform.class, Platforms.detect("Linux"));
        assertInstanceOf(MacProcessPlatform.class, Platforms.detect("Mac OS X"));
        assertInstanceOf(MacProcessPlatform.class, Platforms.detect("FreeBSD"), "ps-based on other Unixes");
        assertThrows(UnsupportedOperationException.class, () -> Platforms.detect("Windows 11"));
        assertSame(ProcessPlatform.current(), ProcessPlatform.current());
    }
}
