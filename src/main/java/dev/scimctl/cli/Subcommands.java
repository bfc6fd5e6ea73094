package dev.scimctl.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Commands by name, in the order --help lists them. Groups (users, groups, config, ...) list theirs here rather than in
 * {@code @Command(subcommands)}, which would make picocli build them all: {@link RootCommand} registers them and builds
 * only the one a run names.
 */
public final class Subcommands {
    private Subcommands() {
    }

    @SafeVarargs
    public static Map<String, Class<?>> of(Map.Entry<String, Class<?>>... commands) {
        Map<String, Class<?>> m = new LinkedHashMap<>();
        for (Map.Entry<String, Class<?>> c : commands) {
            m.put(c.getKey(), c.getValue());
        }
        return Collections.unmodifiableMap(m);
    }
}
