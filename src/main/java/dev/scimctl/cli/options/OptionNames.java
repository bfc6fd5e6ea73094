package dev.scimctl.cli.options;

import dev.scimctl.Setting;

/** The command line's words for the settings the core names: each setting's option, as the commands declare it. */
public final class OptionNames implements Setting.Names {
    public static final OptionNames INSTANCE = new OptionNames();

    private OptionNames() {
    }

    @Override
    public String of(Setting setting) {
        return switch (setting) {
            case BASE_URL -> "--url";
            case TOKEN_FILE -> "--token-file";
            case PROFILE -> "--profile";
            case REQUEST_TIMEOUT -> "--timeout";
            case PROXY -> "--proxy";
            case CA_CERTS -> "--cacert";
            case PAGE_SIZE -> "--page-size";
            case PARALLEL -> "--parallel";
            case SANDBOX_DATA -> "--data";
            case USER_FILTER -> "--filter";
            case USER_SORT -> "--sort-by";
            case ATTRIBUTE_ADD -> "--add";
            case ATTRIBUTE_REMOVE -> "--remove";
            case PROBE_WRITES -> "--write";
            case MAPPING_FILE -> "--mapping";
            case ROLE_TYPE -> "--type";
            case ROLE -> "--role";
            case ROLES_FILE -> "--roles";
            case JOURNAL -> "--journal";
            case ORG_ID_TYPE -> "--org-id-type";
            case UNDO_FORCE -> "--force";
            case COLUMN_MAPPING -> "--column";
            case CSV_DELIMITER -> "--delimiter";
            case ORGANIZATION_IDS -> "--org-ids";
            case SPLIT_REALNAME -> "--split-realname";
        };
    }
}
