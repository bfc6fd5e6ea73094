package dev.scimctl.output;

/**
 * Writes a stream of records to stdout in one {@link OutputFormat}. Every format but the table streams: a record is
 * written when it is given, and {@link #flush} hands it to the reader.
 *
 * <pre>{@code
 * try (RecordWriter<JsonNode> w = RecordWriters.open(format, out, ansi, fields, null)) {
 *     users.forEach(w::write);
 * }
 * }</pre>
 */
public interface RecordWriter<T> extends AutoCloseable {
    void write(T record);

    /**
     * Hands what was written so far to the reader; called between pages.
     *
     * @throws OutputClosedException when the reader has gone (a closed pipe)
     */
    void flush();

    /** Finishes the document (the end of a JSON array, the whole table) and flushes. Never closes stdout itself. */
    @Override
    void close();
}
