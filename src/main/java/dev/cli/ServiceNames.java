package dev.cli;

import java.util.Iterator;
import java.util.List;

/**
 * Completion candidates for SERVICE parameters. Empty on purpose: the generated shell scripts
 * read service names from the nearest dev.toml themselves, because starting a JVM per TAB is
 * too slow; this class only marks the parameters that take service names.
 */
final class ServiceNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return List.<String>of().iterator();
    }
}
