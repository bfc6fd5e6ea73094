package dev.scimctl.mapping;

import java.util.List;

/**
 * One thing {@link MappingCheck} found.
 *
 * @param subject what it is about: a group name, a role name or a userName
 * @param message a sentence that says what is wrong and what to do
 * @param related the groups (for a user) or roles (for a group) involved, for machine-readable output
 */
public record MappingFinding(FindingCode code, String subject, String message, List<String> related) {
    public MappingFinding {
        related = List.copyOf(related);
    }

    public MappingSeverity severity() {
        return code.severity();
    }
}
