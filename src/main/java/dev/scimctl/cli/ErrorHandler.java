package dev.scimctl.cli;

import dev.scimctl.text.SafeText;
import dev.scimctl.ExitCode;
import dev.scimctl.InputException;
import dev.scimctl.NotFoundException;
import dev.scimctl.UsageException;
import dev.scimctl.cli.options.OptionNames;
import dev.scimctl.io.LockedException;
import dev.scimctl.scim.ScimConnectionException;
import dev.scimctl.scim.ScimErrorException;
import dev.scimctl.scim.ScimException;
import dev.scimctl.scim.ScimProtocolException;
import dev.scimctl.scim.ScimRedirectException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * The one place where failures become a message and an exit code. Each message is one line that says what went
 * wrong, with what, and what to do; a stack trace only with --debug. The token is scrubbed from everything printed.
 */
public final class ErrorHandler implements CommandLine.IExecutionExceptionHandler,
        CommandLine.IParameterExceptionHandler, CommandLine.IExitCodeExceptionMapper {
    private final CommandContext context;

    ErrorHandler(CommandContext context) {
        this.context = context;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
        int code = getExitCode(ex);
        if (code == ExitCode.USAGE && ex instanceof UsageException) {
            printError(message(ex));
            return code;
        }
        printError(message(ex));
        if (context.debug()) {
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            context.err().print(SafeText.text(scrub(trace.toString())));
        }
        return code;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        List<String> lines = UsageErrors.describe(ex);
        printError(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            context.err().println(scrub(line));
        }
        context.err().flush();
        return ExitCode.USAGE;
    }

    @Override
    public int getExitCode(Throwable ex) {
        if (ex instanceof UsageException || ex instanceof CommandLine.ParameterException) {
            return ExitCode.USAGE;
        }
        if (ex instanceof InputException || ex instanceof UncheckedIOException) {
            return ExitCode.INPUT;
        }
        if (ex instanceof NotFoundException) {
            return ExitCode.PROBLEMS;
        }
        if (ex instanceof ScimErrorException e) {
            if (e.isAuthFailure()) {
                return ExitCode.AUTH;
            }
            return e.isServerFault() ? ExitCode.SERVER : ExitCode.PROBLEMS;
        }
        if (ex instanceof ScimConnectionException) {
            return ExitCode.UNREACHABLE;
        }
        if (ex instanceof ScimProtocolException || ex instanceof ScimRedirectException || ex instanceof ScimException) {
            return ExitCode.SERVER;
        }
        if (ex instanceof CancellationException || ex instanceof InterruptedException) {
            return ExitCode.INTERRUPTED;
        }
        return ExitCode.PROBLEMS;
    }

    /** The message for a failure, with the advice a person needs for the common ones (the editor shows it too). */
    public static String message(Throwable ex) {
        if (ex instanceof ScimErrorException e) {
            if (e.isTokenRefused()) {
                return e.getMessage() + ". The token was refused. " + e.tokenRefusedAdvice(OptionNames.INSTANCE);
            }
            if (e.isAuthFailure()) {
                return e.getMessage() + ". The token was accepted but is not allowed to do this: check that SCIM "
                        + "provisioning is enabled for this identity provider";
            }
            if (e.isServerError()) {
                return e.getMessage() + ". The server failed; scimctl retried what was safe to retry. Try again later";
            }
            if (e.isRateLimited()) {
                return e.getMessage() + ". The server kept asking scimctl to slow down, after every retry. Try again "
                        + "later, or with less --parallel where the command has it";
            }
            return e.getMessage();
        }
        if (ex instanceof CancellationException) {
            return "interrupted";
        }
        if (ex instanceof UncheckedIOException u && u.getCause() != null) {
            return u.getCause().getMessage();
        }
        if (ex instanceof UsageException e) {
            return e.message(OptionNames.INSTANCE);
        }
        if (ex instanceof InputException e) {
            return e.message(OptionNames.INSTANCE);
        }
        if (ex instanceof ScimException
                || ex instanceof NotFoundException || ex instanceof LockedException) {
            return ex.getMessage();
        }
        // A bug of ours: say so plainly, and point at --debug for the trace.
        return "unexpected " + ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage())
                + " (run again with --debug for details, and please report it)";
    }

    private void printError(String message) {
        context.error(scrub(message));
        context.err().flush();
    }

    private String scrub(String text) {
        return context.scrub(text);
    }
}
