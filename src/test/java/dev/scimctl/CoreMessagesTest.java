package dev.scimctl;

import dev.scimctl.testing.Commands;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The core speaks in domain terms: a message built in scim/, csv/, importer/, mapping/ or config/ names no option of
 * the command line (cli/ turns the facts an exception carries into words with flag names). Each string literal of
 * those packages is scanned for {@code --name} where the picocli model has such an option.
 *
 * <p>Issue 15 moved the last of them (csv/'s hints) to {@link dev.scimctl.Setting}: none is allowed.
 */
class CoreMessagesTest {
    private static final Set<String> CORE = Set.of("scim", "csv", "importer", "mapping", "config");
    private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
    private static final Pattern FLAG = Pattern.compile("--[a-z][a-z-]*");

    @Test
    void core_messages_name_no_option() throws IOException {
        Set<String> options = Commands.all().stream().flatMap(c -> c.getCommandSpec().options().stream())
                .flatMap(o -> Stream.of(o.names())).filter(n -> n.startsWith("--")).collect(Collectors.toSet());
        assertThat(options).contains("--url", "--output");
        Path root = Path.of("src/main/java/dev/scimctl");
        Map<String, Integer> found = new TreeMap<>();
        Map<String, String> examples = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.toString().endsWith(".java") && CORE.contains(root.relativize(p).getName(0).toString()))
                    .forEach(p -> {
                        String name = root.relativize(p).toString().replace('\\', '/');
                        List<String> literals = literalsNamingAnOption(p, options);
                        if (!literals.isEmpty()) {
                            found.put(name, literals.size());
                            examples.put(name, literals.get(0));
                        }
                    });
        }
        // The scan finds them where they belong: cli/ words each setting as its option.
        assertThat(literalsNamingAnOption(root.resolve("cli/options/OptionNames.java"), options))
                .contains("\"--org-ids\"", "\"--split-realname\"", "\"--column\"", "\"--delimiter\"");
        assertThat(examples).as("CLI flag names in core messages (%s): put the words in cli/, carry facts "
                + "(a Setting worded through Setting.Names)", found).isEmpty();
    }

    /** The string literals of a source file that hold a name of an option (one entry per name). */
    private static List<String> literalsNamingAnOption(Path file, Set<String> options) {
        List<String> hits = new ArrayList<>();
        Matcher literal = LITERAL.matcher(read(file));
        while (literal.find()) {
            Matcher flag = FLAG.matcher(literal.group());
            while (flag.find()) {
                if (options.contains(flag.group())) {
                    hits.add(literal.group());
                }
            }
        }
        return hits;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
