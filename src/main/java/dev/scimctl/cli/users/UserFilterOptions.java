package dev.scimctl.cli.users;

import dev.scimctl.UsageException;
import dev.scimctl.cli.options.FilterOption;
import dev.scimctl.scim.Filter;
import dev.scimctl.scim.ScimJson;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.regex.Pattern;

/** The options of {@code users list} that choose users: a raw filter and shortcuts that build escaped ones. */
public class UserFilterOptions {
    static final String USER_TYPE = ScimJson.NINJAONE_USER + ":userType";
    static final String ORGANIZATION_ID = ScimJson.NINJAONE_USER + ":organizationId";
    private static final Pattern ORGANIZATION = Pattern.compile("[1-9][0-9]{0,9}");

    /** NinjaOne's user types, as the SCIM extension spells them. */
    enum UserType { technician, endUser }

    @Mixin
    FilterOption filter;

    @Option(names = "--user-name", paramLabel = "NAME")
    String userName;

    @Option(names = "--active")
    boolean active;

    @Option(names = "--inactive")
    boolean inactive;

    @Option(names = "--user-type", paramLabel = "TYPE")
    UserType userType;

    @Option(names = "--organization", paramLabel = "ID")
    String organization;

    /** The filter these options make, or null when they choose every user. */
    Filter toFilter() {
        if (active && inactive) {
            throw new UsageException("--active and --inactive exclude each other: give one of them, or neither for all");
        }
        Filter f = filter.toFilter();
        if (userName != null) {
            f = and(f, Filter.eq("userName", userName));
        }
        if (active || inactive) {
            f = and(f, Filter.eq("active", active));
        }
        if (userType == UserType.technician) {
            f = and(f, Filter.eq(USER_TYPE, "technician"));
        } else if (userType == UserType.endUser) {
            // NinjaOne makes a user without a userType an end user.
            f = and(f, Filter.eq(USER_TYPE, "endUser").or(Filter.not(Filter.present(USER_TYPE))));
        }
        if (organization != null) {
            f = and(f, organizationFilter(organization.strip()));
        }
        return f;
    }

    private static Filter organizationFilter(String id) {
        if (id.equalsIgnoreCase("all")) {
            // Global end users: organizationId All or missing. Technicians have none either, but are not end users.
            return Filter.eq(ORGANIZATION_ID, "All").or(Filter.not(Filter.present(ORGANIZATION_ID)))
                    .and(Filter.not(Filter.eq(USER_TYPE, "technician")));
        }
        if (!ORGANIZATION.matcher(id).matches()) {
            throw new UsageException("--organization '" + id + "' is not a NinjaOne organization id: give a positive "
                    + "integer (the id in the console's organization URL), or All for global end users");
        }
        return Filter.eq(ORGANIZATION_ID, id);
    }

    private static Filter and(Filter a, Filter b) {
        return a == null ? b : a.and(b);
    }
}
