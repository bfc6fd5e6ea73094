package dev.scimctl.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.scimctl.csv.Finding;
import dev.scimctl.csv.Summary;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Findings for machines. JSON: one document, streamed ({@code {"file", "findings": [...], "summary", "ok"}}), so a
 * million findings never sit in memory; if the input breaks off, the document still closes, with an "error".
 * NDJSON: one finding per line, nothing else (the summary goes to stderr).
 */
public final class JsonFindingWriter implements FindingWriter {
    private final PrintWriter out;
    private final boolean ndjson;
    private final JsonGenerator json;
    private boolean open;

    public JsonFindingWriter(PrintWriter out, boolean ndjson) {
        this.out = out;
        this.ndjson = ndjson;
        try {
            JsonFactory factory = new JsonFactory();
            factory.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            this.json = factory.createGenerator(out);
            json.setCharacterEscapes(JsonOutput.ESCAPES);
            json.setRootValueSeparator(null);
            if (!ndjson) {
                json.useDefaultPrettyPrinter();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void begin(String file, String encoding, char delimiter) {
        if (ndjson) {
            return;
        }
        io(() -> {
            json.writeStartObject();
            json.writeStringField("file", file);
            json.writeStringField("encoding", encoding);
            json.writeStringField("delimiter", String.valueOf(delimiter));
            json.writeArrayFieldStart("findings");
            open = true;
        });
    }

    @Override
    public void finding(Finding f) {
        io(() -> {
            json.writeStartObject();
            if (f.line() > 0) {
                json.writeNumberField("line", f.line());
            } else {
                json.writeNullField("line");
            }
            if (f.column() > 0) {
                json.writeNumberField("column", f.column());
            } else {
                json.writeNullField("column");
            }
            json.writeStringField("header", f.header());
            json.writeStringField("severity", f.severity().label());
            json.writeStringField("rule", f.code());
            json.writeStringField("value", f.value());
            json.writeStringField("message", f.message());
            json.writeStringField("fix", f.fix());
            json.writeEndObject();
            if (ndjson) {
                json.flush();
                out.write('\n');
            }
        });
    }

    @Override
    public void end(Summary s, boolean strict) {
        if (ndjson) {
            return;
        }
        io(() -> {
            json.writeEndArray();
            json.writeObjectFieldStart("summary");
            json.writeNumberField("rows", s.rows());
            json.writeNumberField("technicians", s.technicians());
            json.writeNumberField("globalEndUsers", s.globalEndUsers());
            json.writeObjectFieldStart("endUsersByOrganization");
            for (Map.Entry<Integer, Long> e : s.endUsersByOrganization().entrySet()) {
                json.writeNumberField(String.valueOf(e.getKey()), e.getValue());
            }
            json.writeEndObject();
            json.writeNumberField("endUsersInOtherOrganizations", s.endUsersInOtherOrganizations());
            json.writeNumberField("unclassified", s.unclassified());
            json.writeNumberField("errors", s.errors());
            json.writeNumberField("warnings", s.warnings());
            json.writeNumberField("linesWithErrors", s.linesWithErrors());
            json.writeEndObject();
            json.writeBooleanField("strict", strict);
            json.writeBooleanField("ok", s.ok(strict));
            json.writeEndObject();
            open = false;
            json.flush();
            out.println();
        });
    }

    @Override
    public void abort(String message) {
        io(() -> {
            if (open) {
                json.writeEndArray();
                json.writeObjectFieldStart("error");
                json.writeStringField("message", message);
                json.writeEndObject();
                json.writeBooleanField("ok", false);
                json.writeEndObject();
                open = false;
                json.flush();
                out.println();
            }
            json.flush();
        });
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void io(IoAction a) {
        try {
            a.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
