package dev.scimctl.cli.support;

import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.RootCommand;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Runs another scimctl command in this process, with the bundle's settings and its own streams, so that the bundle
 * holds exactly what that command prints (its report, or its --debug trace).
 *
 * @param exitCode what it returned
 * @param out      its stdout
 * @param err      its stderr
 */
record InProcessRun(int exitCode, String out, String err) {
    static InProcessRun of(CommandContext parent, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandContext child = parent.child(new PrintWriter(out), new PrintWriter(err));
        int code;
        try {
            code = RootCommand.commandLine(child, args).execute(args);
        } finally {
            child.close();
        }
        return new InProcessRun(code, out.toString(), err.toString());
    }
}
