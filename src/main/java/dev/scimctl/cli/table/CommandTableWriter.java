package dev.scimctl.cli.table;

import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.Formats;
import dev.scimctl.cli.RootCommand;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.annotation.Annotation;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the {@link CommandTable} at build time (Maven's process-classes phase): builds the whole command tree the
 * usual way, by picocli's reflection, and records for every command and mixin class what its annotations say, in the
 * order picocli reads them. An annotation feature the table cannot express stops the build, naming it.
 */
public final class CommandTableWriter {
    /** The {@code @Command} attributes the table carries; any other one set on a command stops the build. */
    private static final Set<String> COMMAND_ATTRIBUTES = Set.of("name", "aliases", "helpCommand",
            "mixinStandardHelpOptions", "versionProvider", "scope");

    private final StringBuilder out = new StringBuilder();
    private final Map<AccessibleObject, ArgSpec> args = new LinkedHashMap<>();
    private final Set<Class<?>> classes = new LinkedHashSet<>();
    private Class<?> described;

    private CommandTableWriter() {
    }

    public static void main(String[] argv) throws IOException {
        if (argv.length != 1) {
            throw new IllegalArgumentException("usage: CommandTableWriter OUTPUT_FILE");
        }
        Path target = Path.of(argv[0]);
        Files.createDirectories(target.getParent());
        Files.writeString(target, table(), StandardCharsets.UTF_8);
    }

    /** The table for the command tree as the annotations declare it. */
    public static String table() {
        PrintWriter sink = new PrintWriter(new StringWriter());
        CommandContext context = new CommandContext(sink, sink, java.io.InputStream.nullInputStream(), Map.of(),
                dev.scimctl.output.Terminals.NONE, Clock.systemUTC());
        CommandTableWriter writer = new CommandTableWriter();
        writer.collect(RootCommand.annotatedCommandLine(context).getCommandSpec(),
                java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        writer.out.append("# scimctl's command table, written at build time from the annotations\n");
        writer.classes.stream().sorted(Comparator.comparing(Class::getName)).forEach(writer::describe);
        return writer.out.toString();
    }

    private void collect(CommandSpec spec, Set<CommandSpec> seen) {
        if (!seen.add(spec)) {
            return;
        }
        classes.add(spec.userObject().getClass());
        for (ArgSpec arg : spec.args()) {
            if (!arg.inherited() && arg.userObject() instanceof AccessibleObject member) {
                args.putIfAbsent(member, arg);
            }
        }
        spec.mixins().values().forEach(m -> collect(m, seen));
        spec.subcommands().values().forEach(sub -> collect(sub.getCommandSpec(), seen));
    }

    private void describe(Class<?> type) {
        described = type;
        out.append("class").append(TableCodec.FIELD).append(type.getName());
        commandAttributes(type);
        out.append('\n');
        Formats formats = type.getAnnotation(Formats.class);
        if (formats != null) {
            out.append("formats");
            allAttributes(formats);
            out.append('\n');
        }
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.add(0, c);
        }
        for (Class<?> c : hierarchy) {
            for (Field f : c.getDeclaredFields()) {
                member(f, "f:" + recordedName(f));
            }
            for (Method m : DeclarationOrder.methods(c)) {
                if (m.isAnnotationPresent(Command.class)) {
                    throw unsupported(m, "@Command on a method");
                }
                member(m, "m:" + recordedName(m));
            }
        }
    }

    private void commandAttributes(Class<?> type) {
        Map<String, Object> set = new LinkedHashMap<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            Command command = c.getAnnotation(Command.class);
            if (command != null) {
                nonDefaults(command).forEach(set::putIfAbsent);
            }
        }
        for (Map.Entry<String, Object> e : set.entrySet()) {
            if (!COMMAND_ATTRIBUTES.contains(e.getKey())) {
                throw new IllegalStateException(type.getName() + ": @Command(" + e.getKey() + ") is not in the command "
                        + "table: add it to CommandTable and CommandTableWriter");
            }
            field(e.getKey(), e.getValue());
        }
    }

    private void member(AccessibleObject member, String name) {
        for (Class<? extends Annotation> a : List.of(ArgGroup.class, Unmatched.class, ParentCommand.class)) {
            if (member.isAnnotationPresent(a)) {
                throw unsupported(member, "@" + a.getSimpleName());
            }
        }
        Option option = member.getAnnotation(Option.class);
        Parameters parameters = member.getAnnotation(Parameters.class);
        if (option != null || parameters != null) {
            ArgSpec arg = args.get(member);
            if (arg == null) {
                throw unsupported(member, "an option picocli did not build");
            }
            out.append(option != null ? "option" : "param").append(TableCodec.FIELD).append(name)
                    .append(TableCodec.FIELD).append(arg.typeInfo().getType().getName())
                    .append(TableCodec.FIELD).append(TableCodec.join(Arrays.stream(arg.typeInfo().getAuxiliaryTypes())
                            .map(Class::getName).toArray(String[]::new)))
                    .append(TableCodec.FIELD).append(TableCodec.join(arg.typeInfo().getActualGenericTypeArguments()
                            .toArray(new String[0])));
            allAttributes(option != null ? option : parameters);
            out.append('\n');
        }
        Mixin mixin = member.getAnnotation(Mixin.class);
        if (mixin != null) {
            Field f = (Field) member;
            out.append("mixin").append(TableCodec.FIELD).append(recordedName(f)).append(TableCodec.FIELD)
                    .append(TableCodec.escape(mixin.name().isEmpty() ? f.getName() : mixin.name()))
                    .append(TableCodec.FIELD).append(f.getType().getName()).append('\n');
        }
        Spec spec = member.getAnnotation(Spec.class);
        if (spec != null) {
            out.append("spec").append(TableCodec.FIELD).append(recordedName((Field) member)).append(TableCodec.FIELD)
                    .append(spec.value().name()).append('\n');
        }
    }

    /** A member's name, with its class where a superclass of the described class declares it (the run looks there). */
    private String recordedName(Member member) {
        Class<?> owner = member.getDeclaringClass();
        return owner == described ? member.getName() : owner.getName() + "#" + member.getName();
    }

    private void allAttributes(Annotation annotation) {
        for (Method attribute : attributes(annotation)) {
            field(attribute.getName(), value(attribute, annotation));
        }
    }

    private static Map<String, Object> nonDefaults(Annotation annotation) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Method attribute : attributes(annotation)) {
            Object value = value(attribute, annotation);
            if (!java.util.Objects.deepEquals(value, attribute.getDefaultValue())) {
                values.put(attribute.getName(), value);
            }
        }
        return values;
    }

    /** An annotation type's attributes, by name: the table's order. */
    private static Method[] attributes(Annotation annotation) {
        Method[] attributes = annotation.annotationType().getDeclaredMethods();
        Arrays.sort(attributes, Comparator.comparing(Method::getName));
        return attributes;
    }

    private static Object value(Method attribute, Annotation annotation) {
        try {
            return attribute.invoke(annotation);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    private void field(String key, Object value) {
        out.append(TableCodec.FIELD).append(key).append('=').append(encode(value));
    }

    private static String encode(Object value) {
        if (value.getClass().isArray()) {
            String[] items = new String[Array.getLength(value)];
            for (int i = 0; i < items.length; i++) {
                items[i] = scalar(Array.get(value, i));
            }
            return TableCodec.join(items);
        }
        return TableCodec.escape(scalar(value));
    }

    private static String scalar(Object value) {
        if (value instanceof Class<?> c) {
            return c.getName();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        return String.valueOf(value);
    }

    private static IllegalStateException unsupported(AccessibleObject member, String what) {
        return new IllegalStateException(member + ": " + what + " is not in the command table: add it to "
                + "CommandTable and CommandTableWriter, or declare it as the other commands do");
    }
}
