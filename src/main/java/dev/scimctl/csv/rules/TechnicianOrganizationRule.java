package dev.scimctl.csv.rules;

import dev.scimctl.csv.Columns;
import dev.scimctl.csv.Field;
import dev.scimctl.csv.FindingSink;
import dev.scimctl.csv.Rule;
import dev.scimctl.csv.Text;
import dev.scimctl.csv.UserRow;

/**
 * {@code organization-id-on-technician}: organizationId scopes end users; for a technician it has no documented
 * effect (technicians' access comes from their roles). Usually a row whose userType is wrong, or a copied column.
 */
public final class TechnicianOrganizationRule extends ColumnRule {

    public TechnicianOrganizationRule(Columns columns) {
        super(columns, Field.ORGANIZATION_ID);
    }

    @Override
    public void check(UserRow row, RowFacts facts, FindingSink sink) {
        if (facts.isTechnician() && (facts.org() == RowFacts.Org.ID || facts.org() == RowFacts.Org.LIST)) {
            sink.accept(finding(Rule.ORGANIZATION_ID_ON_TECHNICIAN, row, "the row is a technician "
                    + "with organization " + Text.show(facts.organizationId()) + ": an organization id has no "
                    + "documented effect on technicians (their access comes from their roles); if this user should "
                    + "be an end user of that organization, set userType to endUser",
                    "leave organizationId empty, or set userType to endUser"));
        }
    }
}
