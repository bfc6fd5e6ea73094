package dev.scimctl.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.opencsv.ICSVWriter;
import picocli.CommandLine.Help.Ansi;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Function;

/** The {@link RecordWriter} of each {@link OutputFormat}. */
public final class RecordWriters {
    private static final ObjectMapper JSON = JsonOutput.MAPPER;

    private RecordWriters() {
    }

    /** {@link #open(OutputFormat, RecordLayout, PrintWriter, Ansi, List, Function)} with the default layout. */
    public static <T> RecordWriter<T> open(OutputFormat format, PrintWriter out, Ansi ansi, List<Column<T>> fields,
                                           Function<T, JsonNode> document) {
        return open(format, RecordLayout.DEFAULT, out, ansi, fields, document);
    }

    /**
     * @param layout   header rows and the CSV dialect
     * @param fields   the columns (table, tsv, csv), and the keys of the objects json and ndjson write when
     *                 {@code document} is null
     * @param document for json and ndjson, the whole document of a record (e.g. the resource as the server sent
     *                 it); null writes an object of the fields instead
     * @throws IllegalArgumentException for text and md, which are reports, not records
     */
    public static <T> RecordWriter<T> open(OutputFormat format, RecordLayout layout, PrintWriter out, Ansi ansi,
                                           List<Column<T>> fields, Function<T, JsonNode> document) {
        Function<T, JsonNode> doc = document != null ? document : r -> flatObject(fields, r);
        return switch (format) {
            case table -> new Table<>(out, ansi, fields, layout.headers());
            case tsv -> new Tsv<>(out, fields);
            case csv -> new Csv<>(out, fields, layout);
            case json -> new JsonArray<>(out, doc);
            case ndjson -> new JsonLines<>(out, doc);
            case text, md -> throw new IllegalArgumentException(format + " is not a format of records");
        };
    }

    /** An object with one key per field, values typed (booleans and numbers stay so; empty is null). */
    public static <T> ObjectNode flatObject(List<Column<T>> fields, T record) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        for (Column<T> f : fields) {
            Object v = f.value(record);
            if (v == null) {
                o.putNull(f.name());
            } else if (v instanceof JsonNode n) {
                o.set(f.name(), n.isMissingNode() ? JsonNodeFactory.instance.nullNode() : n);
            } else if (v instanceof Boolean b) {
                o.put(f.name(), b);
            } else if (v instanceof Integer || v instanceof Long) {
                o.put(f.name(), ((Number) v).longValue());
            } else if (v instanceof BigInteger i) {
                o.put(f.name(), i);
            } else if (v instanceof Number n) {
                o.put(f.name(), new BigDecimal(n.toString()));
            } else {
                o.put(f.name(), v.toString());
            }
        }
        return o;
    }

    /** Flushes stdout, and notices when its reader has gone. */
    private abstract static class Streaming<T> implements RecordWriter<T> {
        final PrintWriter out;

        Streaming(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void flush() {
            out.flush();
            if (out.checkError()) {
                throw new OutputClosedException();
            }
        }

        @Override
        public void close() {
            flush();
        }
    }

    private static <T> String[] cells(List<Column<T>> fields, T record) {
        String[] cells = new String[fields.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = fields.get(i).text(record);
        }
        return cells;
    }

    /** Buffers every row: the widths of the columns are known only at the end. */
    private static final class Table<T> implements RecordWriter<T> {
        private final PrintWriter out;
        private final Ansi ansi;
        private final List<Column<T>> fields;
        private final TablePrinter table;

        Table(PrintWriter out, Ansi ansi, List<Column<T>> fields, boolean headers) {
            this.out = out;
            this.ansi = ansi;
            this.fields = fields;
            this.table = new TablePrinter(fields.stream().map(Column::name).toList()).headers(headers);
        }

        @Override
        public void write(T record) {
            table.row((Object[]) cells(fields, record));
        }

        @Override
        public void flush() {
            // nothing to hand over before the end
        }

        @Override
        public void close() {
            if (table.size() > 0) {
                table.printTable(out, ansi);
            }
            out.flush();
        }
    }

    private static final class Tsv<T> extends Streaming<T> {
        private final List<Column<T>> fields;

        Tsv(PrintWriter out, List<Column<T>> fields) {
            super(out);
            this.fields = fields;
        }

        @Override
        public void write(T record) {
            out.println(TablePrinter.tsvLine(cells(fields, record)));
        }
    }

    private static final class Csv<T> extends Streaming<T> {
        private final List<Column<T>> fields;
        private final ICSVWriter csv;

        Csv(PrintWriter out, List<Column<T>> fields, RecordLayout layout) {
            super(out);
            this.fields = fields;
            this.csv = CsvCells.writer(out, layout.csv());
            if (layout.headers()) {
                csv.writeNext(fields.stream().map(Column::name).toArray(String[]::new), false);
            }
        }

        @Override
        public void write(T record) {
            String[] cells = cells(fields, record);
            for (int i = 0; i < cells.length; i++) {
                cells[i] = CsvCells.safe(cells[i]);
            }
            csv.writeNext(cells, false);
        }

        @Override
        public void flush() {
            try {
                csv.flush(); // never close(): that would close stdout
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            super.flush();
        }
    }

    /** A JSON generator on stdout; writes fail as unchecked exceptions, as the other writers' do. */
    private abstract static class JsonStream<T> extends Streaming<T> {
        final Function<T, JsonNode> document;
        final JsonGenerator gen;

        JsonStream(PrintWriter out, Function<T, JsonNode> document) {
            super(out);
            this.document = document;
            try {
                gen = JSON.createGenerator(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        interface JsonStep {
            void run() throws IOException;
        }

        static void json(JsonStep step) {
            try {
                step.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void flush() {
            json(gen::flush);
            super.flush();
        }
    }

    /**
     * One JSON array, written element by element; an empty result is {@code []}. The opening bracket waits for the
     * first element (or the end), so that a command that fails before any data leaves stdout empty.
     */
    private static final class JsonArray<T> extends JsonStream<T> {
        private boolean started;

        JsonArray(PrintWriter out, Function<T, JsonNode> document) {
            super(out, document);
            gen.setPrettyPrinter(JsonOutput.prettyPrinter());
        }

        private void start() throws IOException {
            if (!started) {
                gen.writeStartArray();
                started = true;
            }
        }

        @Override
        public void write(T record) {
            json(() -> {
                start();
                gen.writeTree(document.apply(record));
            });
        }

        @Override
        public void close() {
            json(() -> {
                start();
                gen.writeEndArray();
                gen.flush();
            });
            out.println();
            super.close();
        }
    }

    /** One compact JSON object a line. */
    private static final class JsonLines<T> extends JsonStream<T> {
        JsonLines(PrintWriter out, Function<T, JsonNode> document) {
            super(out, document);
            gen.setRootValueSeparator(new SerializedString(""));
        }

        @Override
        public void write(T record) {
            json(() -> {
                gen.writeTree(document.apply(record));
                gen.writeRaw('\n');
            });
        }
    }
}
