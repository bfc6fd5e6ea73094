package dev.scimctl.output;

import java.util.Map;

/** {@code --color=auto|always|never}. Auto honours NO_COLOR and CLICOLOR_FORCE, then colours only terminals. */
public enum ColorMode {
    // Lower case: picocli shows these names in --help and completion.
    auto, always, never;

    public boolean enabled(Map<String, String> env, boolean terminal) {
        return switch (this) {
            case always -> true;
            case never -> false;
            case auto -> {
                if (env.containsKey("NO_COLOR") && !env.get("NO_COLOR").isEmpty()) {
                    yield false;
                }
                String force = env.get("CLICOLOR_FORCE");
                if (force != null && !force.isEmpty() && !force.equals("0")) {
                    yield true;
                }
                yield terminal && !"dumb".equals(env.get("TERM"));
            }
        };
    }
}
