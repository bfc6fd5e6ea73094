package dev.scimctl.cli.config;

import dev.scimctl.ExitCode;
import dev.scimctl.InputException;
import dev.scimctl.UsageException;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.cli.completion.ProfileCandidates;
import dev.scimctl.config.ConfigStore;
import dev.scimctl.config.SettingsResolver;
import dev.scimctl.config.StoredToken;
import dev.scimctl.config.TokenText;
import dev.scimctl.console.SecretPrompt;
import dev.scimctl.scim.Secret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.util.concurrent.Callable;

/** {@code scimctl config set-token [NAME]}: stores a profile's token, never taking it from the command line. */
@Command(name = "set-token")
@ExitCodes(ExitCode.INPUT)
final class ConfigSetTokenCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(paramLabel = "NAME", arity = "0..1", completionCandidates = ProfileCandidates.class)
    String name;

    @Option(names = "--token-file", paramLabel = "FILE")
    String tokenFile;

    ConfigSetTokenCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws IOException {
        ConfigStore store = context.configStore();
        String profile = name != null ? name : store.currentProfile().orElseThrow(() -> new UsageException(
                "no current profile: name one, e.g. 'scimctl config set-token prod', or create one with 'scimctl config set-profile'"));
        ProfileNames.check(profile);
        if (store.profile(profile).isEmpty()) {
            throw new UsageException("no profile named \"" + profile + "\"; create it first with 'scimctl config set-profile "
                    + profile + " --url URL'");
        }
        SettingsResolver resolver = context.settingsResolver();
        Secret token;
        if (tokenFile != null) {
            token = resolver.readTokenFile(tokenFile);
        } else {
            String entered = SecretPrompt.read("Token for profile \"" + profile + "\" (input hidden): ",
                    context.terminals().stdin(), context.in());
            if (entered == null || entered.isBlank()) {
                throw new InputException("no token was entered; nothing saved");
            }
            token = SettingsResolver.parseToken(entered, "the prompt", false);
        }
        TokenText.shortWarning(token.reveal()).ifPresent(context::warn);
        store.putToken(profile, StoredToken.of(token.reveal(), context.clock().instant()));
        context.err().println("token " + token.lastFour() + " saved for profile \"" + profile + "\" in "
                + store.credentialsFile() + " (mode 0600). NinjaOne tokens expire six months after they are generated.");
        return ExitCode.OK;
    }
}
