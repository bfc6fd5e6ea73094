package dev.scimctl.csv;

import dev.scimctl.Setting;

import java.util.Set;

/**
 * @param organizationIds the tenant's organization ids ({@code --org-ids}), or null when not checked
 * @param organizationIdsSource how messages name that list (its file name)
 * @param splitRealname whether a realname is split into the first and last name a row lacks ({@code --split-realname})
 * @param names how a finding's hint names a setting the user can change (on the command line: its option)
 */
public record ValidationOptions(Set<Integer> organizationIds, String organizationIdsSource, boolean splitRealname,
                                Setting.Names names) {
    public static final ValidationOptions DEFAULTS = new ValidationOptions(null, null);

    public ValidationOptions {
        organizationIds = organizationIds == null ? null : Set.copyOf(organizationIds);
        names = names == null ? Setting.Names.PLAIN : names;
    }

    public ValidationOptions(Set<Integer> organizationIds, String organizationIdsSource) {
        this(organizationIds, organizationIdsSource, false, Setting.Names.PLAIN);
    }

    public ValidationOptions withSplitRealname(boolean split) {
        return new ValidationOptions(organizationIds, organizationIdsSource, split, names);
    }

    public ValidationOptions withNames(Setting.Names words) {
        return new ValidationOptions(organizationIds, organizationIdsSource, splitRealname, words);
    }
}
