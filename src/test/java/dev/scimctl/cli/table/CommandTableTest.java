package dev.scimctl.cli.table;

import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.Formats;
import dev.scimctl.cli.RootCommand;
import dev.scimctl.output.Terminals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command table builds the same picocli model as the annotations, for every command: the same options with the
 * same attributes, the same help text. A change to a command's annotations that the build did not compile into the
 * table, or a picocli attribute the table drops, fails here.
 */
class CommandTableTest {
    private static CommandContext context() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        return new CommandContext(sink, sink, InputStream.nullInputStream(), Map.of(), Terminals.NONE, Clock.systemUTC());
    }

    @Test
    void the_table_in_the_build_is_the_one_the_annotations_make_now() throws Exception {
        try (InputStream in = CommandTable.class.getResourceAsStream(CommandTable.RESOURCE)) {
            assertThat(in).as("the build writes the table (exec-maven-plugin, process-classes)").isNotNull();
            List<String> built = List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
            List<String> now = List.of(CommandTableWriter.table().split("\n"));
            assertThat(built).as("rebuild: ./mvnw process-classes").containsExactlyElementsOf(now);
        }
    }

    @Test
    void the_suite_runs_its_commands_from_the_table() {
        // Every other test then exercises the table's path; without it they would all read annotations.
        assertThat(CommandTable.shared()).isNotNull();
    }

    @Test
    void a_class_compiled_after_the_table_makes_a_run_read_the_annotations(@TempDir Path classes) throws Exception {
        Path table = Files.createDirectories(classes.resolve("dev/scimctl/cli/table")).resolve(CommandTable.RESOURCE);
        Path command = classes.resolve("dev/scimctl/cli/SomeCommand.class");
        Files.writeString(table, "# table\n");
        Files.writeString(command, "");
        Files.setLastModifiedTime(command, FileTime.fromMillis(Files.getLastModifiedTime(table).toMillis() - 60_000));
        assertThat(CommandTable.olderThanClasses(table, classes)).as("compiled before the table").isFalse();
        Files.setLastModifiedTime(command, FileTime.fromMillis(Files.getLastModifiedTime(table).toMillis() + 60_000));
        assertThat(CommandTable.olderThanClasses(table, classes)).as("an IDE compiled it after").isTrue();
    }

    @Test
    void every_command_has_the_same_model_from_the_table_as_from_its_annotations() {
        CommandLine annotated = RootCommand.annotatedCommandLine(context());
        CommandLine compiled = RootCommand.compiledCommandLine(context(), CommandTable.shared());
        assertThat(describe(compiled)).isEqualTo(describe(annotated));
    }

    @Test
    void every_command_prints_the_same_help_from_the_table_as_from_its_annotations() {
        List<String> annotated = usages(RootCommand.annotatedCommandLine(context()));
        List<String> compiled = usages(RootCommand.compiledCommandLine(context(), CommandTable.shared()));
        assertThat(compiled).hasSize(annotated.size());
        // Line by line, in any order: reflection lists setter-method options in an order of the JVM's own, which
        // the table fixes to the declaration order (the golden help files pin that order).
        for (int i = 0; i < annotated.size(); i++) {
            assertThat(compiled.get(i).lines().sorted().toList()).isEqualTo(annotated.get(i).lines().sorted().toList());
        }
        assertThat(annotated.size()).as("commands compared").isGreaterThan(40);
    }

    @Test
    void every_command_takes_the_formats_its_annotation_declares() {
        List<Class<?>> types = new ArrayList<>();
        collect(RootCommand.annotatedCommandLine(context()), types);
        int declared = 0;
        for (Class<?> type : types) {
            Formats annotation = type.getAnnotation(Formats.class);
            Formats compiled = CommandTable.shared().compiledFormats(type);
            if (annotation == null) {
                assertThat(compiled).as(type.getName()).isNull();
                continue;
            }
            declared++;
            assertThat(compiled.value()).as(type.getName()).containsExactly(annotation.value());
            assertThat(List.of(compiled.terminal(), compiled.pipe(), compiled.csvFiles(), compiled.note()))
                    .as(type.getName())
                    .containsExactly(annotation.terminal(), annotation.pipe(), annotation.csvFiles(), annotation.note());
        }
        assertThat(declared).as("commands with @Formats").isGreaterThan(5);
    }

    private static void collect(CommandLine cl, List<Class<?>> types) {
        types.add(cl.getCommandSpec().userObject().getClass());
        cl.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, types));
    }

    private static List<String> usages(CommandLine cl) {
        List<String> out = new ArrayList<>();
        out.add(cl.getCommandSpec().qualifiedName() + "\n" + cl.getUsageMessage(CommandLine.Help.Ansi.OFF));
        cl.getSubcommands().values().stream().distinct().forEach(sub -> out.addAll(usages(sub)));
        return out;
    }

    private static List<String> describe(CommandLine cl) {
        List<String> lines = new ArrayList<>();
        CommandSpec s = cl.getCommandSpec();
        lines.add("command " + s.qualifiedName() + " aliases=" + Arrays.toString(s.aliases()) + " helpCommand="
                + s.helpCommand() + " version=" + (s.versionProvider() == null ? null : s.versionProvider().getClass())
                + " mixins=" + s.mixins().keySet() + " subcommands=" + s.subcommands().keySet()
                + " standardHelp=" + s.mixinStandardHelpOptions());
        List<String> args = new ArrayList<>();
        for (OptionSpec o : s.options()) {
            args.add(s.qualifiedName() + " option " + Arrays.toString(o.names()) + common(o) + " negatable="
                    + o.negatable() + " fallback=" + o.fallbackValue() + " order=" + o.order() + " usageHelp="
                    + o.usageHelp() + " versionHelp=" + o.versionHelp());
        }
        for (PositionalParamSpec p : s.positionalParameters()) {
            args.add(s.qualifiedName() + " param " + p.index() + common(p));
        }
        // In any order, for the reason the help test gives.
        args.sort(null);
        lines.addAll(args);
        cl.getSubcommands().values().stream().distinct().forEach(sub -> lines.addAll(describe(sub)));
        return lines;
    }

    private static String common(ArgSpec a) {
        return " arity=" + a.arity() + (a.arity().isUnspecified() ? "(unspecified)" : "") + " label=" + a.paramLabel()
                + " type=" + a.type().getName() + " aux=" + Arrays.toString(a.auxiliaryTypes())
                + " generic=" + a.typeInfo().getActualGenericTypeArguments()
                + " required=" + a.required() + " hidden=" + a.hidden() + " default=" + a.defaultValue()
                + " mapFallback=" + a.mapFallbackValue() + " split=" + a.splitRegex() + "/" + a.splitRegexSynopsisLabel()
                + " scope=" + a.scopeType() + " inherited=" + a.inherited() + " key=" + a.descriptionKey()
                + " description=" + Arrays.toString(a.description()) + " interactive=" + a.interactive()
                + " initial=" + a.hasInitialValue() + ":" + a.initialValue()
                + " converters=" + Arrays.stream(a.converters()).map(c -> c.getClass().getName()).toList()
                + " candidates=" + (a.completionCandidates() == null ? null : list(a.completionCandidates()))
                + " consumer=" + (a.parameterConsumer() == null ? null : a.parameterConsumer().getClass())
                + " preprocessor=" + a.preprocessor().getClass() + " toString=" + a;
    }

    private static List<String> list(Iterable<String> values) {
        List<String> out = new ArrayList<>();
        values.forEach(out::add);
        return out;
    }
}
