package dev.scimctl.cli.table;

import dev.scimctl.cli.Formats;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The commands' picocli model, compiled from their annotations when the project is built ({@link CommandTableWriter}):
 * a run builds the commands it needs from this table and never reads an annotation. Reading annotations made the JDK
 * generate a proxy class for each annotation type and parse each member's attributes, about a fifth of a command's
 * start-up (issue #18). The annotations stay the source; a test holds the two models equal for every command.
 */
public final class CommandTable {
    /** Where the build writes the table, beside this class. */
    public static final String RESOURCE = "command-table.tsv";
    /** The key picocli gives the standard help options' mixin; the table keeps picocli's own class for them. */
    static final String STANDARD_HELP = "mixinStandardHelpOptions";
    static final String STANDARD_HELP_CLASS = "picocli.CommandLine$AutoHelpMixin";

    private final String text;
    /** Where each class's lines start and end in the text; a class's records are split when first asked for. */
    private final Map<String, int[]> spans;
    private final Map<String, List<List<String>>> parsed = new HashMap<>();

    private CommandTable(String text, Map<String, int[]> spans) {
        this.text = text;
        this.spans = spans;
    }

    /**
     * The command's {@code @Formats}, from the table the build made when there is one, else from the annotation (a
     * class's annotations are read together: one of ours read costs the proxy classes of all of them).
     */
    public static Formats formats(Class<?> command) {
        CommandTable table = shared();
        return table == null ? command.getAnnotation(Formats.class) : table.formatsOf(command);
    }

    /** The command's {@code @Formats} as this table records it; the annotation's where the record is damaged. */
    public Formats formatsOf(Class<?> command) {
        try {
            return compiledFormats(command);
        } catch (RuntimeException e) {
            return command.getAnnotation(Formats.class);
        }
    }

    /** The command's {@code @Formats} as recorded, null where it has none; fails where the record is damaged. */
    Formats compiledFormats(Class<?> command) {
        List<List<String>> records = records(command.getName());
        if (records == null) {
            throw new IllegalStateException("the command table has no " + command.getName());
        }
        for (List<String> r : records) {
            if (r.get(0).equals("formats")) {
                return CompiledFormats.checked(attributes(r, 1));
            }
        }
        return null;
    }

    /** The table the build made, read once; null where there is none. */
    public static CommandTable shared() {
        return Shared.TABLE;
    }

    private static final class Shared {
        static final CommandTable TABLE = load();
    }

    /** The table the build made, or null where there is none (a build that skipped it): then annotations are read. */
    public static CommandTable load() {
        try {
            byte[] table = readBesideClasses("dev/scimctl/cli/table/" + RESOURCE);
            return table == null ? null : parse(new String(table, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * A file of the jar (or the classes folder) this class came from. Not {@code getResourceAsStream}: a class-path
     * resource is looked for in the JDK's modules first (opening the runtime image) and then read through a jar URL
     * connection, about 10 ms of a 100 ms start (issue #18); the jar is open already, and a second {@link ZipFile}
     * shares what the class loader read of it.
     */
    private static byte[] readBesideClasses(String name) throws IOException {
        CodeSource source = CommandTable.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        Path location;
        try {
            location = Path.of(source.getLocation().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
        if (Files.isDirectory(location)) {
            Path file = location.resolve(name);
            return Files.isRegularFile(file) && !olderThanClasses(file, location) ? Files.readAllBytes(file) : null;
        }
        try (ZipFile jar = new ZipFile(location.toFile())) {
            ZipEntry entry = jar.getEntry(name);
            if (entry == null) {
                return null;
            }
            try (InputStream in = jar.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }
    }

    /**
     * Whether a class in the folder was compiled after the table was written: an IDE's build, which skips Maven's
     * process-classes. The annotations are read then, or a new option would be missing from the run. (A jar is
     * built whole, and is not checked.)
     */
    static boolean olderThanClasses(Path table, Path classes) throws IOException {
        long written = Files.getLastModifiedTime(table).toMillis();
        try (java.util.stream.Stream<Path> files = Files.walk(classes.resolve("dev/scimctl/cli"))) {
            return files.anyMatch(f -> f.toString().endsWith(".class") && newer(f, written));
        }
    }

    private static boolean newer(Path file, long than) {
        try {
            return Files.getLastModifiedTime(file).toMillis() > than;
        } catch (IOException e) {
            return false;
        }
    }

    /** A table from its text (as the build writes it); a damaged one fails where a command is built from it. */
    public static CommandTable parse(String text) {
        Map<String, int[]> spans = new HashMap<>();
        int[] current = null;
        for (int start = 0; start < text.length(); ) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            if (text.startsWith("class\t", start)) {
                int nameEnd = text.indexOf('\t', start + 6);
                current = new int[]{start, end};
                spans.put(text.substring(start + 6, nameEnd < 0 || nameEnd > end ? end : nameEnd), current);
            } else if (current != null) {
                current[1] = end;
            }
            start = end + 1;
        }
        return new CommandTable(text, spans);
    }

    /** A class's records, each split into its fields; null for a class the table lacks. Runs may share the table. */
    private synchronized List<List<String>> records(String className) {
        List<List<String>> records = parsed.get(className);
        int[] span = spans.get(className);
        if (records == null && span != null) {
            records = new ArrayList<>();
            for (String line : TableCodec.split(text.substring(span[0], span[1]), '\n')) {
                records.add(TableCodec.split(line, TableCodec.FIELD));
            }
            parsed.put(className, records);
        }
        return records;
    }

    /**
     * A command line for {@code type}, built from the table; the command object comes from {@code factory}. A table
     * that does not fit the classes (written before a change, or damaged) fails here with a RuntimeException:
     * the caller builds the command from its annotations then.
     */
    public CommandLine commandLine(Class<?> type, IFactory factory) {
        return new CommandLine(spec(create(factory, type), factory), factory);
    }

    /**
     * What picocli's {@code scope = INHERIT} on the root gives a command and everything below it: the standard help
     * options (after the command's own) and the root's version provider. The root's inherited options follow when the
     * command is added to it. Called before {@code root.addSubcommand}, as picocli would do it then.
     */
    public void inheritFromRoot(CommandSpec root, CommandLine command, IFactory factory) {
        CommandSpec spec = command.getCommandSpec();
        if (root.mixinStandardHelpOptions() && !spec.mixinStandardHelpOptions()) {
            addStandardHelp(spec, factory);
        }
        if (spec.versionProvider() == null) {
            spec.versionProvider(root.versionProvider());
        }
        for (CommandLine sub : command.getSubcommands().values()) {
            inheritFromRoot(root, sub, factory);
        }
    }

    /** picocli's own -h/--help and -V/--version, as {@code mixinStandardHelpOptions} adds them. */
    private void addStandardHelp(CommandSpec spec, IFactory factory) {
        spec.addMixin(STANDARD_HELP, spec(create(factory, TableCodec.type(STANDARD_HELP_CLASS)), factory));
    }

    private CommandSpec spec(Object instance, IFactory factory) {
        List<List<String>> records = records(instance.getClass().getName());
        if (records == null) {
            throw new IllegalStateException("the command table has no " + instance.getClass().getName()
                    + ": rebuild (./mvnw package)");
        }
        CommandSpec spec = CommandSpec.wrapWithoutInspection(instance, factory);
        boolean standardHelp = false;
        for (List<String> r : records) {
            switch (r.get(0)) {
                case "class" -> standardHelp = commandAttributes(spec, attributes(r, 2), factory);
                case "option" -> {
                    CompiledMember m = member(instance, r, Option.class, spec);
                    spec.addOption(OptionSpec.builder(m, factory).initialValue(m.initialValue()).build());
                }
                case "param" -> {
                    CompiledMember m = member(instance, r, Parameters.class, spec);
                    spec.addPositional(PositionalParamSpec.builder(m, factory).initialValue(m.initialValue()).build());
                }
                case "mixin" -> addMixin(spec, instance, r, factory);
                case "formats" -> {
                    // read by formats(), when the command prints
                }
                case "spec" -> {
                    if (r.get(2).equals("SELF")) {
                        set(field(instance.getClass(), r.get(1)), instance, spec);
                    }
                }
                default -> throw new IllegalStateException("the command table has an unknown record '" + r.get(0)
                        + "': rebuild (./mvnw package)");
            }
        }
        if (standardHelp) {
            addStandardHelp(spec, factory);
        }
        return spec;
    }

    /** Sets what the class's {@code @Command} says; true when it asks for the standard help options. */
    private static boolean commandAttributes(CommandSpec spec, Map<String, String> a, IFactory factory) {
        if (a.containsKey("name")) {
            spec.name(TableCodec.unescape(a.get("name")));
        }
        if (a.containsKey("aliases")) {
            spec.aliases(TableCodec.list(a.get("aliases")));
        }
        if (a.containsKey("helpCommand")) {
            spec.helpCommand(Boolean.parseBoolean(a.get("helpCommand")));
        }
        if (a.containsKey("versionProvider")) {
            spec.versionProvider((IVersionProvider) create(factory, TableCodec.type(a.get("versionProvider"))));
        }
        return Boolean.parseBoolean(a.get("mixinStandardHelpOptions"));
    }

    private void addMixin(CommandSpec spec, Object instance, List<String> r, IFactory factory) {
        Field field = field(instance.getClass(), r.get(1));
        Object mixin = get(field, instance);
        if (mixin == null) {
            mixin = create(factory, TableCodec.type(r.get(3)));
            set(field, instance, mixin);
        }
        CompiledMember member = CompiledMember.mixin(instance, field, TableCodec.unescape(r.get(2)));
        CommandSpec mixinSpec = spec(mixin, factory).withToString(member.getToString());
        spec.addMixin(member.getMixinName(), mixinSpec, member);
        // @Spec(MIXEE): the mixin is told the command it is mixed into.
        for (List<String> m : records(mixin.getClass().getName())) {
            if (m.get(0).equals("spec") && m.get(2).equals("MIXEE")) {
                set(field(mixin.getClass(), m.get(1)), mixin, spec);
            }
        }
    }

    private static CompiledMember member(Object instance, List<String> r, Class<? extends Annotation> kind,
                                         CommandSpec spec) {
        String name = r.get(1);
        Class<?> type = TableCodec.type(r.get(2));
        CompiledTypeInfo typeInfo = new CompiledTypeInfo(type, types(TableCodec.list(r.get(3))),
                List.of(TableCodec.list(r.get(4))));
        AccessibleObject member = name.startsWith("m:") ? method(instance.getClass(), name.substring(2), type)
                : field(instance.getClass(), name.substring(2));
        return CompiledMember.option(instance, member, new CompiledArg(kind, attributes(r, 5)), typeInfo, spec);
    }

    private static Map<String, String> attributes(List<String> r, int from) {
        Map<String, String> a = new HashMap<>();
        for (int i = from; i < r.size(); i++) {
            String field = r.get(i);
            int eq = field.indexOf('=');
            a.put(field.substring(0, eq), field.substring(eq + 1));
        }
        return a;
    }

    private static Class<?>[] types(String[] names) {
        Class<?>[] types = new Class<?>[names.length];
        for (int i = 0; i < names.length; i++) {
            types[i] = TableCodec.type(names[i]);
        }
        return types;
    }

    /** The class a recorded member name belongs to: {@code type}, or the superclass {@code Declaring#name} names. */
    private static Class<?> owner(Class<?> type, String recorded) {
        int hash = recorded.indexOf('#');
        return hash < 0 ? type : TableCodec.type(recorded.substring(0, hash));
    }

    /** A recorded member name without its class. */
    private static String simpleName(String recorded) {
        return recorded.substring(recorded.indexOf('#') + 1);
    }

    /** The field {@code recorded} names, of {@code type} or of the class {@code Declaring#name} names. */
    private static Field field(Class<?> type, String recorded) {
        type = owner(type, recorded);
        String name = simpleName(recorded);
        try {
            Field f = type.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("the command table names a field " + type.getName() + "." + name
                    + " that is not there: rebuild (./mvnw package)", e);
        }
    }

    private static Method method(Class<?> type, String recorded, Class<?> parameter) {
        type = owner(type, recorded);
        String name = simpleName(recorded);
        try {
            Method m = type.getDeclaredMethod(name, parameter);
            m.setAccessible(true);
            return m;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("the command table names a method " + type.getName() + "." + name
                    + " that is not there: rebuild (./mvnw package)", e);
        }
    }

    private static Object get(Field field, Object owner) {
        try {
            return field.get(owner);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void set(Field field, Object owner, Object value) {
        try {
            field.set(owner, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object create(IFactory factory, Class<?> type) {
        try {
            return factory.create(type);
        } catch (Exception e) {
            throw new CommandLine.InitializationException("Could not instantiate " + type + ": " + e, e);
        }
    }
}
