package dev.scimctl.csv;

import dev.scimctl.UsageException;

/** A {@code --column} mapping that does not fit the file: the command line is wrong for it (exit code 2). */
public final class ColumnMappingException extends UsageException {
    public ColumnMappingException(String message) {
        super(message);
    }
}
