package dev.scimctl.cli;

import dev.scimctl.ExitCode;
import dev.scimctl.Version;
import dev.scimctl.cli.completion.BashCompletion;
import dev.scimctl.cli.completion.CompletionModel;
import dev.scimctl.cli.completion.FishCompletion;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code scimctl completion bash|zsh|fish}: a completion script generated from the whole command tree. */
@Command(name = "completion")
public final class CompletionCommand implements Callable<Integer> {
    enum Shell { bash, zsh, fish }

    @Parameters(paramLabel = "SHELL")
    Shell shell;

    private final CommandContext context;

    CompletionCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        // This run built only this command; the script needs every command, so build the whole tree.
        CompletionModel model = CompletionModel.of(RootCommand.commandLine(context));
        String script = switch (shell) {
            case bash -> BashCompletion.bash(model, Version.get());
            case zsh -> BashCompletion.zsh(model, Version.get());
            case fish -> FishCompletion.fish(model, Version.get());
        };
        context.out().print(script);
        context.out().flush();
        return ExitCode.OK;
    }
}
