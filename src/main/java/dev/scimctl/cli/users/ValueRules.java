package dev.scimctl.cli.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.csv.Field;
import dev.scimctl.csv.Finding;
import dev.scimctl.csv.Severity;
import dev.scimctl.csv.Validator;
import dev.scimctl.csv.rules.EmailFormatRule;
import dev.scimctl.output.Styles;
import dev.scimctl.scim.ScimJson;
import dev.scimctl.text.SafeText;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * NinjaOne's value rules, as {@code validate} applies them (its rule code, through {@link Validator#checkValues}),
 * applied to what an edit command is about to send: userType technician or endUser exactly, organizationId a positive
 * id or All, a plausible e-mail, both names. Errors refuse the change; warnings are shown and it goes ahead.
 */
final class ValueRules {
    private final CommandContext context;

    ValueRules(CommandContext context) {
        this.context = context;
    }

    /** The fields the rules read, from a user as JSON: userName, the names, NinjaOne's extension. */
    static Map<Field, String> of(JsonNode user) {
        Map<Field, String> values = new EnumMap<>(Field.class);
        values.put(Field.EMAIL, text(user.path("userName")));
        values.put(Field.FIRST_NAME, text(user.path("name").path("givenName")));
        values.put(Field.LAST_NAME, text(user.path("name").path("familyName")));
        JsonNode extension = user.path(ScimJson.NINJAONE_USER);
        values.put(Field.USER_TYPE, text(extension.path("userType")));
        values.put(Field.ORGANIZATION_ID, text(extension.path("organizationId")));
        return values;
    }

    /** The e-mail addresses of a user's {@code emails} (or of an {@code emails} value: a list, or one object). */
    static List<String> emails(JsonNode emails) {
        List<String> found = new ArrayList<>();
        for (JsonNode e : emails.isArray() ? emails : List.of(emails)) {
            String v = e.isTextual() ? e.asText() : text(e.path("value"));
            if (!v.isEmpty()) {
                found.add(v);
            }
        }
        return found;
    }

    /** Those e-mail addresses by where they are: {@code where}, or {@code where[i]} when there are several. */
    static Map<String, String> emails(String where, JsonNode emails) {
        Map<String, String> found = new LinkedHashMap<>();
        List<String> values = emails(emails);
        for (int i = 0; i < values.size(); i++) {
            found.put(values.size() == 1 ? where : where + "[" + i + "]", values.get(i));
        }
        return found;
    }

    /** Checks a whole user from a file ({@code --from}), each value named by its place in the file. */
    boolean allow(UserFile file) {
        return allow(of(file.user()), file.names(), null, emails(file.at("/emails", "emails"),
                file.user().path("emails")));
    }

    /**
     * Checks the values and prints what the rules find on stderr.
     *
     * @param names   how messages name each field (an option, an attribute path, a file position)
     * @param checked the fields whose errors refuse the change (a field not being changed keeps its value, right or
     *                wrong); null for all
     * @param emails  further e-mail addresses sent (the {@code emails} values), each checked for plausibility
     * @return whether the change may go ahead (no error)
     */
    boolean allow(Map<Field, String> values, Map<Field, String> names, Set<Field> checked, Map<String, String> emails) {
        boolean ok = true;
        for (Finding f : Validator.checkValues(values, names)) {
            boolean counts = checked == null || checked.stream().anyMatch(c -> names.getOrDefault(c, c.label())
                    .equals(f.header()));
            if (!counts) {
                continue;
            }
            boolean error = f.severity() == Severity.ERROR;
            ok &= !error;
            // A fix is a value (the trimmed cell): its line breaks would split the warning, so they are escaped too.
            print(error, f.header() + ": " + f.message() + (f.fix() == null ? "" : " (fix: " + SafeText.line(f.fix())
                    + ")"));
        }
        for (Map.Entry<String, String> e : emails.entrySet()) {
            EmailFormatRule.Problem p = EmailFormatRule.problem(e.getValue().strip());
            if (p != null) {
                ok = false;
                print(true, e.getKey() + ": \"" + SafeText.line(e.getValue()) + "\" is not a plausible e-mail address: "
                        + p.reason() + (p.fix() == null ? "" : " (fix: " + SafeText.line(p.fix()) + ")"));
            }
        }
        if (!ok) {
            context.err().println("nothing was sent: fix the values above and run the command again");
        }
        return ok;
    }

    private void print(boolean error, String message) {
        context.err().println((error ? Styles.error(context.ansi(false)) : Styles.warning(context.ansi(false)))
                + SafeText.text(message));
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? "" : n.asText();
    }
}
