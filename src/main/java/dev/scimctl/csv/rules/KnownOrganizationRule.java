package dev.scimctl.csv.rules;

import dev.scimctl.csv.Columns;
import dev.scimctl.csv.Field;
import dev.scimctl.csv.FindingSink;
import dev.scimctl.csv.Rule;
import dev.scimctl.csv.UserRow;

import java.util.Set;

/**
 * {@code organization-id-unknown}: with {@code --org-ids}, an id that is not one of the tenant's organizations.
 * NinjaOne offers no way to check an id over SCIM, so this needs the list from the administrator.
 */
public final class KnownOrganizationRule extends ColumnRule {
    private final Set<Integer> known;
    private final String source;

    public KnownOrganizationRule(Columns columns, Set<Integer> known, String source) {
        super(columns, Field.ORGANIZATION_ID);
        this.known = known;
        this.source = source;
    }

    @Override
    public void check(UserRow row, RowFacts facts, FindingSink sink) {
        if (facts.org() == RowFacts.Org.ID) {
            if (!known.contains(facts.organization())) {
                report(row, sink, facts.organization());
            }
        } else if (facts.org() == RowFacts.Org.LIST) {
            for (long id : OrganizationIdRule.ids(facts.organizationId())) {
                if (!known.contains((int) id)) {
                    report(row, sink, id);
                }
            }
        }
    }

    private void report(UserRow row, FindingSink sink, long id) {
        sink.accept(finding(Rule.ORGANIZATION_ID_UNKNOWN, row, "organization " + id
                + " is not in " + source + " (" + known.size() + " organization" + (known.size() == 1 ? "" : "s")
                + "): the user would be assigned to an organization that does not exist",
                "check the id in NinjaOne (Administration > Organizations), or update " + source));
    }
}
