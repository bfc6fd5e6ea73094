package dev.scimctl.cli.config;

import dev.scimctl.ExitCode;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.options.ConnectionOptions;
import dev.scimctl.config.Settings;
import dev.scimctl.config.TokenAge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code scimctl config show}: the settings a command would use now, and where each came from. Never the token. */
@Command(name = "show")
final class ConfigShowCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    ConnectionOptions connection;

    ConfigShowCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Settings s = context.settings(connection);
        PrintWriter out = context.out();
        out.println("config dir:      " + context.configStore().dir());
        out.println("profile:         " + (s.profile() == null ? "(none)" : s.profile()));
        out.println("url:             " + s.url() + "  (from " + s.urlSource() + ")");
        out.println("token:           " + s.token().lastFour() + "  (from " + s.tokenSource() + ")");
        if (s.tokenSetAt() != null) {
            out.println("token set:       " + TokenAge.describe(s.tokenSetAt(), context.clock().instant()));
        }
        out.println("connect timeout: " + s.connectTimeout().toMillis() / 1000.0 + " s");
        out.println("timeout:         " + s.requestTimeout().toMillis() / 1000.0 + " s");
        out.println("proxy:           " + s.proxies().route(s.url()).describe());
        out.println("trusted CAs:     " + s.trust().describe());
        return ExitCode.OK;
    }
}
