package dev.scimctl.csv;

import java.util.Set;

/**
 * @param organizationIds the tenant's organization ids ({@code --org-ids}), or null when not checked
 * @param organizationIdsSource how messages name that list (its file name)
 * @param splitRealname whether a realname is split into the first and last name a row lacks ({@code --split-realname})
 */
public record ValidationOptions(Set<Integer> organizationIds, String organizationIdsSource, boolean splitRealname) {
    public static final ValidationOptions DEFAULTS = new ValidationOptions(null, null);

    public ValidationOptions {
        organizationIds = organizationIds == null ? null : Set.copyOf(organizationIds);
    }

    public ValidationOptions(Set<Integer> organizationIds, String organizationIdsSource) {
        this(organizationIds, organizationIdsSource, false);
    }

    public ValidationOptions withSplitRealname(boolean split) {
        return new ValidationOptions(organizationIds, organizationIdsSource, split);
    }
}
