package dev.scimctl.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code scimctl help [TOPIC | COMMAND…]}: a command's usage, or one of the help topics. */
@Command(name = "help", helpCommand = true)
public final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Runnable {
    /** Topic name → its text resource, in the order they are listed. */
    static final Map<String, String> TOPICS = topics();

    private static Map<String, String> topics() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("environment", "help/environment.txt");
        m.put("exit-codes", null); // generated: ExitCodeHelp.topic()
        m.put("formats", "help/formats.txt");
        return m;
    }

    @Parameters(paramLabel = "TOPIC|COMMAND", arity = "0..*", completionCandidates = TopicsAndCommands.class)
    List<String> words = List.of();

    private final CommandContext context;
    private CommandLine self;
    private PrintWriter out;
    private CommandLine.Help.Ansi ansi;

    HelpCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public void init(CommandLine helpCommandLine, CommandLine.Help.ColorScheme colorScheme, PrintWriter out,
                     PrintWriter err) {
        this.self = helpCommandLine;
        this.out = out;
        this.ansi = context.ansi(true);
    }

    @Override
    public void run() {
        if (words.size() == 1 && TOPICS.containsKey(words.get(0))) {
            out.print(topic(words.get(0)));
            out.flush();
            return;
        }
        CommandLine target = self.getParent();
        for (String word : words) {
            CommandLine sub = target.getSubcommands().get(word);
            if (sub == null) {
                throw new CommandLine.ParameterException(self, "no command or help topic named '" + word
                        + "'; topics: " + String.join(", ", TOPICS.keySet()));
            }
            target = sub;
        }
        target.usage(out, ansi);
    }

    static String topic(String name) {
        if (name.equals("exit-codes")) {
            return ExitCodeHelp.topic();
        }
        try (InputStream in = HelpCommand.class.getResourceAsStream("/dev/scimctl/" + TOPICS.get(name))) {
            if (in == null) {
                throw new IllegalStateException("help topic missing from the build: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What 'scimctl help <TAB>' offers: the topics, then the commands. */
    public static final class TopicsAndCommands implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            List<String> all = new ArrayList<>(TOPICS.keySet());
            all.addAll(RootCommand.COMMANDS.keySet());
            all.remove("help");
            return all.iterator();
        }
    }
}
