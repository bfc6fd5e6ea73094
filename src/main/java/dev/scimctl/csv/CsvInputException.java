package dev.scimctl.csv;

import dev.scimctl.InputException;
import dev.scimctl.Setting;

/**
 * A CSV file that cannot be read on: a bad encoding, a broken quote, a line too long. The message is one line in
 * the form {@code file:line:column: what is wrong: what to do} (no line or column where none applies). The place is
 * in the message alone: every reader of this exception shows the message and nothing else.
 */
public final class CsvInputException extends InputException {
    public CsvInputException(String file, long line, long column, String message) {
        super(location(file, line, column) + message);
    }

    /** A message that names a setting, worded by whoever shows it (see {@link InputException#message}). */
    public CsvInputException(String file, long line, long column, Setting.Message message) {
        super(names -> location(file, line, column) + message.in(names));
    }

    static String location(String file, long line, long column) {
        if (line <= 0) {
            return file + ": ";
        }
        return file + ":" + line + (column > 0 ? ":" + column : "") + ": ";
    }
}
