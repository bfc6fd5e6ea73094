package dev.scimctl.csv;

import dev.scimctl.InputException;
import dev.scimctl.Setting;

/**
 * A CSV file that cannot be read on: a bad encoding, a broken quote, a line too long. The message is one line in
 * the form {@code file:line:column: what is wrong: what to do}; {@link #line()} is 0 when no line applies.
 */
public final class CsvInputException extends InputException {
    private final long line;
    private final long column;

    public CsvInputException(String file, long line, long column, String message) {
        super(location(file, line, column) + message);
        this.line = line;
        this.column = column;
    }

    /** A message that names a setting, worded by whoever shows it (see {@link InputException#message}). */
    public CsvInputException(String file, long line, long column, Setting.Message message) {
        super(names -> location(file, line, column) + message.in(names));
        this.line = line;
        this.column = column;
    }

    public long line() {
        return line;
    }

    public long column() {
        return column;
    }

    static String location(String file, long line, long column) {
        if (line <= 0) {
            return file + ": ";
        }
        return file + ":" + line + (column > 0 ? ":" + column : "") + ": ";
    }
}
