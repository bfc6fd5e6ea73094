package dev.scimctl.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;

/**
 * The help prose of every command (descriptions, examples, what each option and parameter means) lives in
 * {@code help.properties} beside this class, under picocli's resource-bundle keys; the annotations keep the structure.
 */
final class HelpText {
    static final String RESOURCE = "help.properties";

    private HelpText() {
    }

    /**
     * Gives {@code root} and every command under it the help text, and their exit-code lists, unless they have it.
     * Only where help is printed or read (HelpLayout, RootCommand's whole tree): parsing the text and enumerating its
     * keys for every command cost a run that prints no help about 20 ms of CPU and 30 to 60 classes.
     */
    static void attach(CommandLine root) {
        if (root.getCommandSpec().resourceBundle() == null) {
            attach(root, bundle());
        }
    }

    static void attach(CommandLine root, ResourceBundle text) {
        FormatHelp.describe(root); // before the bundle is set: options added later would not get it
        root.setResourceBundle(text);
        ExitCodeHelp.apply(root, text);
    }

    /**
     * Read as UTF-8 from the jar, without ResourceBundle.getBundle's search for a bundle of the user's locale: the
     * help is written in one language.
     */
    static ResourceBundle bundle() {
        try (InputStream in = HelpText.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("help text missing from the build: " + RESOURCE);
            }
            return new PropertyResourceBundle(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
