package dev.scimctl.csv;

import java.util.Set;

/**
 * @param organizationIds the tenant's organization ids ({@code --org-ids}), or null when not checked
 * @param organizationIdsSource how messages name that list (its file name)
 */
public record ValidationOptions(Set<Integer> organizationIds, String organizationIdsSource) {
    public static final ValidationOptions DEFAULTS = new ValidationOptions(null, null);

    public ValidationOptions {
        organizationIds = organizationIds == null ? null : Set.copyOf(organizationIds);
    }
}
