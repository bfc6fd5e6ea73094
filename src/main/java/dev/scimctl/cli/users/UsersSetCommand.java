package dev.scimctl.cli.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.ExitCode;
import dev.scimctl.UsageException;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.cli.options.EditOptions;
import dev.scimctl.csv.Field;
import dev.scimctl.scim.AttributeEdits;
import dev.scimctl.scim.ScimClient;
import dev.scimctl.scim.ScimErrorException;
import dev.scimctl.scim.ScimJson;
import dev.scimctl.scim.Users;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code scimctl users set USER attr=value…}: one PATCH, values typed by the server's schema. */
@Command(name = "set")
@ExitCodes(ExitCode.PROBLEMS)
public final class UsersSetCommand implements Callable<Integer> {
    private static final String EXTENSION = ScimJson.NINJAONE_USER;
    /** The attributes NinjaOne's value rules read, by the name AttributeEdits gives them. */
    private static final Map<String, Field> RULED = Map.of(
            "userName", Field.EMAIL, "name.givenName", Field.FIRST_NAME, "name.familyName", Field.LAST_NAME,
            EXTENSION + ":userType", Field.USER_TYPE, EXTENSION + ":organizationId", Field.ORGANIZATION_ID);

    @Mixin
    EditOptions edit;

    @Parameters(index = "0", paramLabel = "USER")
    String user;

    @Parameters(index = "1..*", paramLabel = "ATTR=VALUE")
    List<String> replacements = new ArrayList<>();

    @Option(names = "--replace", paramLabel = "ATTR=VALUE")
    List<String> replaceOptions = new ArrayList<>();

    @Option(names = "--add", paramLabel = "ATTR=VALUE")
    List<String> adds = new ArrayList<>();

    @Option(names = "--remove", paramLabel = "PATH")
    List<String> removes = new ArrayList<>();

    @Override
    public Integer call() {
        UserView view = new UserView(edit);
        if (replacements.isEmpty() && replaceOptions.isEmpty() && adds.isEmpty() && removes.isEmpty()) {
            throw new UsageException("no change given: add ATTR=VALUE, --add ATTR=VALUE or --remove PATH");
        }
        ScimClient client = edit.client();
        Users users = new Users(client);
        JsonNode current = users.find(user).orElseThrow(() -> UsersGetCommand.notFound(user, client.baseUrl()));
        AttributeEdits edits = users.edits();
        try {
            for (String a : replacements) {
                edits.set("replace", name(a), value(a));
            }
            for (String a : replaceOptions) {
                edits.set("replace", name(a), value(a));
            }
            for (String a : adds) {
                edits.set("add", name(a), value(a));
            }
            removes.forEach(edits::remove);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (!checked(current, edits)) {
            return ExitCode.PROBLEMS;
        }
        edit.dryRun.apply(client);
        JsonNode after;
        try {
            after = users.patch(current.path("id").asText(), edits.patch());
        } catch (ScimErrorException e) {
            if (!e.isUnsupported()) {
                throw e;
            }
            edit.context().error(e.getMessage() + "; the server "
                    + "does not take PATCH: write the user with 'scimctl users get " + user + " -o json > user.json', "
                    + "edit the file, and 'scimctl users replace " + user + " --from user.json'");
            return ExitCode.PROBLEMS;
        }
        return edit.dryRun.done(client, () -> view.print(after));
    }

    /**
     * The user's values as they will be after the edits, checked with the rules: only the edited ones can refuse
     * (an old value left alone is not this command's to judge), but together with the rest (a technician given an
     * organization is a warning).
     */
    private boolean checked(JsonNode current, AttributeEdits edits) {
        Map<Field, String> values = ValueRules.of(current);
        Map<Field, String> names = new EnumMap<>(Field.class);
        Set<Field> edited = EnumSet.noneOf(Field.class);
        Map<String, String> emails = new LinkedHashMap<>();
        for (AttributeEdits.Edit e : edits.edits()) {
            String attribute = e.schema().isEmpty() ? e.attribute() : e.schema() + ":" + e.attribute();
            Field f = RULED.entrySet().stream().filter(r -> r.getKey().equalsIgnoreCase(attribute))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (f != null) {
                values.put(f, e.value() == null ? "" : e.value().asText());
                names.put(f, e.path());
                edited.add(f);
            } else if (e.attribute().equalsIgnoreCase("emails") || e.attribute().equalsIgnoreCase("emails.value")) {
                if (e.value() != null) {
                    emails.putAll(ValueRules.emails(e.path(), e.value()));
                }
            }
        }
        return new ValueRules(edit.context()).allow(values, names, edited, emails);
    }

    private static String name(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new UsageException("'" + assignment + "' is not ATTR=VALUE: write e.g. name.givenName=Alice, or "
                    + "--remove " + assignment + " to remove it");
        }
        return assignment.substring(0, eq).strip();
    }

    private static String value(String assignment) {
        return assignment.substring(assignment.indexOf('=') + 1);
    }
}
