package dev.scimctl.cli.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.ExitCode;
import dev.scimctl.UsageException;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.cli.options.EditOptions;
import dev.scimctl.csv.Field;
import dev.scimctl.importer.ImportRow;
import dev.scimctl.importer.ServerCapabilities;
import dev.scimctl.importer.UserPayloads;
import dev.scimctl.scim.ScimClient;
import dev.scimctl.scim.ScimErrorException;
import dev.scimctl.scim.Users;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code scimctl users create}: one user, from options or a JSON file, checked with validate's rules first. */
@Command(name = "create")
@ExitCodes(ExitCode.PROBLEMS)
public final class UsersCreateCommand implements Callable<Integer> {
    @Mixin
    EditOptions edit;

    @Option(names = "--user-name", paramLabel = "EMAIL")
    String userName;

    @Option(names = "--email", paramLabel = "EMAIL")
    String email;

    @Option(names = "--given-name", paramLabel = "NAME")
    String givenName;

    @Option(names = "--family-name", paramLabel = "NAME")
    String familyName;

    @Option(names = "--user-type", paramLabel = "TYPE")
    String userType;

    @Option(names = "--organization-id", paramLabel = "ID")
    String organizationId;

    @Option(names = "--active", negatable = true, defaultValue = "true", fallbackValue = "true")
    boolean active;

    @Option(names = "--from", paramLabel = "FILE")
    Path from;

    @Override
    public Integer call() {
        CommandContext context = edit.context();
        UserView view = new UserView(edit);
        ScimClient client = edit.client();
        ObjectNode user;
        if (from != null) {
            if (userName != null || email != null || givenName != null || familyName != null || userType != null
                    || organizationId != null || !active) {
                throw new UsageException("--from " + from + " gives the whole user: leave out the attribute options, "
                        + "or edit the file");
            }
            UserFile file = UserFile.read(from);
            user = file.user();
            if (!new ValueRules(context).allow(file)) {
                return ExitCode.PROBLEMS;
            }
        } else {
            String name = userName != null ? userName : email;
            if (!new ValueRules(context).allow(values(name), optionNames(), null,
                    email == null ? Map.of() : Map.of("--email", email))) {
                return ExitCode.PROBLEMS;
            }
            user = fromOptions(client, name);
        }
        edit.dryRun.apply(client);
        JsonNode created;
        try {
            created = new Users(client).create(user);
        } catch (ScimErrorException e) {
            if (!e.isConflict()) {
                throw e;
            }
            context.error(e.getMessage() + "; a user with "
                    + "this userName exists already: 'scimctl users get " + user.path("userName").asText()
                    + "' shows it");
            return ExitCode.PROBLEMS;
        }
        return edit.dryRun.done(client, () -> view.print(created));
    }

    private Map<Field, String> values(String name) {
        Map<Field, String> values = new EnumMap<>(Field.class);
        values.put(Field.EMAIL, name == null ? "" : name);
        values.put(Field.FIRST_NAME, givenName == null ? "" : givenName);
        values.put(Field.LAST_NAME, familyName == null ? "" : familyName);
        values.put(Field.USER_TYPE, userType == null ? "" : userType);
        values.put(Field.ORGANIZATION_ID, organizationId == null ? "" : organizationId);
        return values;
    }

    private Map<Field, String> optionNames() {
        Map<Field, String> names = new EnumMap<>(Field.class);
        names.put(Field.EMAIL, userName == null && email != null ? "--email" : "--user-name");
        names.put(Field.FIRST_NAME, "--given-name");
        names.put(Field.LAST_NAME, "--family-name");
        names.put(Field.USER_TYPE, "--user-type");
        names.put(Field.ORGANIZATION_ID, "--organization-id");
        return names;
    }

    /** The body as the import sends a new user, with organizationId typed as the server's /Schemas says. */
    private ObjectNode fromOptions(ScimClient client, String name) {
        ServerCapabilities server = ServerCapabilities.discover(client, null);
        ObjectNode user = new UserPayloads(server.organizationIdType()).create(ImportRow.of(0, name, givenName,
                familyName, userType, organizationId, List.of()));
        if (email != null && !email.strip().equals(name.strip())) {
            user.set("emails", UserPayloads.emails(email.strip()));
        }
        user.put("active", active);
        return user;
    }
}
