package dev.ui;

import java.util.List;

/**
 * What the hint line under the status says.
 *
 * @param logsKey    whether {@code l} (log filter) is offered: only where service output is shown
 * @param quitLabel  what {@code q} does here ("stop the stack", "stop watching")
 * @param logFilter  the one service whose output is shown, or null for all
 * @param prompt     what was typed after {@code r}, or null when no restart prompt is open
 * @param services   the services, numbered from 1 in the prompt
 */
public record KeyHint(boolean logsKey, String quitLabel, String logFilter, String prompt, List<String> services) {
    public KeyHint {
        services = List.copyOf(services);
    }
}
