package dev.scimctl.csv;

import dev.scimctl.Setting;
import dev.scimctl.UsageException;

/** A column chosen for a field that does not fit the file: what the user asked for is wrong for it (exit code 2). */
public final class ColumnMappingException extends UsageException {
    public ColumnMappingException(Setting.Message message) {
        super(message);
    }
}
