package dev.scimctl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.scimctl.ExitCode;
import dev.scimctl.cli.options.ConnectionOptions;
import dev.scimctl.cli.options.FormatOption;
import dev.scimctl.cli.options.OptionNames;
import dev.scimctl.config.Settings;
import dev.scimctl.config.TokenAge;
import dev.scimctl.output.OutputFormat;
import dev.scimctl.scim.CheckStep;
import dev.scimctl.scim.ConnectionCheck;
import dev.scimctl.scim.ScimClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code scimctl test-connection}: checks base URL and token step by step, the way Duo's "Test connection" should. */
@Command(name = "test-connection")
@ExitCodes({ExitCode.PROBLEMS, ExitCode.AUTH, ExitCode.UNREACHABLE, ExitCode.SERVER})
@Formats(value = {OutputFormat.text, OutputFormat.json}, terminal = OutputFormat.text, pipe = OutputFormat.text,
        note = "json is the same report as one object.")
public final class TestConnectionCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    FormatOption output;

    /** Steps that only look at settings: a timing would say nothing. */
    private static final java.util.Set<String> UNTIMED = java.util.Set.of("settings", "base-url", "proxy", "trust");

    TestConnectionCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Settings settings = context.settings(connection);
        ScimClient client = context.client(connection);
        List<CheckStep> steps = new ArrayList<>();
        steps.add(settingsStep(settings));
        steps.addAll(new ConnectionCheck(client, settings.url(), settings.connectTimeout(), context.clock(),
                OptionNames.INSTANCE).run());
        int exit = ExitCode.OK;
        for (CheckStep s : steps) {
            if (s.status() == CheckStep.Status.FAIL) {
                exit = s.failure() == null ? ExitCode.PROBLEMS : new ErrorHandler(context).getExitCode(s.failure());
                break;
            }
        }
        if (output.format(context) == OutputFormat.json) {
            printJson(settings, steps, exit);
        } else {
            printText(settings, steps, exit);
        }
        return exit;
    }

    private CheckStep settingsStep(Settings s) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("url", s.url().toString());
        facts.put("urlSource", s.urlSource());
        facts.put("tokenSource", s.tokenSource());
        facts.put("tokenLastFour", s.token().lastFour());
        if (s.profile() != null) {
            facts.put("profile", s.profile());
        }
        String summary = "url from " + s.urlSource() + "; token " + s.token().lastFour() + " from " + s.tokenSource();
        if (s.mixedSources().isPresent()) {
            facts.put("mixedSources", true);
            summary += " (different sources: check that this token is meant for this URL)";
        }
        CheckStep.Status status = CheckStep.Status.OK;
        String fix = null;
        if (s.tokenSetAt() != null) {
            facts.put("tokenSetAt", s.tokenSetAt().toString());
            facts.put("tokenAgeDays", TokenAge.daysOld(s.tokenSetAt(), context.clock().instant()));
            if (TokenAge.isOld(s.tokenSetAt(), context.clock().instant())) {
                status = CheckStep.Status.WARN;
                summary += "; set " + TokenAge.describe(s.tokenSetAt(), context.clock().instant());
                fix = "generate a new token in the NinjaOne console before it expires, then 'scimctl config set-token'";
            }
        }
        if ("http".equalsIgnoreCase(s.url().getScheme()) && !isLoopback(s.url().getHost())) {
            status = CheckStep.Status.WARN;
            summary += "; the URL is http, so the token travels unencrypted";
            fix = "use the https URL";
        }
        return new CheckStep("settings", status, 0, summary, facts, fix, null);
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private void printText(Settings settings, List<CheckStep> steps, int exit) {
        PrintWriter out = context.out();
        Ansi ansi = context.ansi(true);
        out.println("Testing " + settings.url());
        int width = steps.stream().mapToInt(s -> s.name().length()).max().orElse(10);
        for (CheckStep s : steps) {
            String badge = switch (s.status()) {
                case OK -> "@|green  ok |@";
                case WARN -> "@|yellow warn|@";
                case FAIL -> "@|bold,red FAIL|@";
                case SKIP -> "@|faint skip|@";
            };
            String timing = s.status() == CheckStep.Status.SKIP || UNTIMED.contains(s.name()) ? "" : "  (" + s.millis() + " ms)";
            out.println(ansi.string("[" + badge + "] ") + String.format(Locale.ROOT, "%-" + width + "s  ", s.name())
                    + context.scrub(s.summary()) + timing);
            for (String detail : s.details()) {
                out.println(" ".repeat(width + 9) + context.scrub(detail));
            }
            if (s.fix() != null) {
                out.println(" ".repeat(width + 9) + "fix: " + s.fix());
            }
        }
        long failed = steps.stream().filter(s -> s.status() == CheckStep.Status.FAIL).count();
        long warned = steps.stream().filter(s -> s.status() == CheckStep.Status.WARN).count();
        out.println(failed > 0 ? "Connection check failed (exit " + exit + ")."
                : warned > 0 ? "Connection works, with " + warned + " warning" + (warned > 1 ? "s" : "") + "."
                : "Connection works.");
    }

    private void printJson(Settings settings, List<CheckStep> steps, int exit) throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("url", settings.url().toString());
        report.put("ok", exit == ExitCode.OK);
        report.put("exitCode", exit);
        List<Map<String, Object>> list = new ArrayList<>();
        for (CheckStep s : steps) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("status", s.status().name().toLowerCase(Locale.ROOT));
            m.put("millis", s.millis());
            m.put("summary", s.summary());
            m.put("facts", s.facts());
            if (!s.details().isEmpty()) {
                m.put("details", s.details());
            }
            if (s.fix() != null) {
                m.put("fix", s.fix());
            }
            list.add(m);
        }
        report.put("steps", list);
        ObjectMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        String text = json.writeValueAsString(report);
        context.out().println(context.scrub(text));
    }
}
