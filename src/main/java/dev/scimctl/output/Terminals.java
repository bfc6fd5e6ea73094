package dev.scimctl.output;

/**
 * Which of the three standard streams are terminals. Java 17 cannot ask per stream, so the launcher
 * tests each with {@code [ -t N ]} and passes {@code -Dscimctl.tty=IOE} (the letters of the streams that are
 * terminals); without it, {@link System#console()} stands for all three.
 */
public record Terminals(boolean stdin, boolean stdout, boolean stderr) {
    public static final Terminals NONE = new Terminals(false, false, false);
    public static final Terminals ALL = new Terminals(true, true, true);

    public static Terminals detect() {
        String flags = System.getProperty("scimctl.tty");
        if (flags != null) {
            return new Terminals(flags.contains("I"), flags.contains("O"), flags.contains("E"));
        }
        boolean console = System.console() != null;
        return new Terminals(console, console, console);
    }
}
