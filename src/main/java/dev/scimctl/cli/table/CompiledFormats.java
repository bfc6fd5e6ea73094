package dev.scimctl.cli.table;

import dev.scimctl.cli.Formats;
import dev.scimctl.output.OutputFormat;

import java.lang.annotation.Annotation;
import java.util.Map;

/** A command's {@code @Formats}, recorded in the command table so that a run does not read it (see CompiledArg). */
@SuppressWarnings("ClassExplicitlyAnnotation")
final class CompiledFormats implements Formats {
    private final Map<String, String> values;

    private CompiledFormats(Map<String, String> values) {
        this.values = values;
    }

    /** The recorded formats, every attribute read once: a damaged record fails here rather than when it is used. */
    static CompiledFormats checked(Map<String, String> values) {
        CompiledFormats formats = new CompiledFormats(values);
        formats.value();
        formats.terminal();
        formats.pipe();
        java.util.Objects.requireNonNull(values.get("csvFiles"), "csvFiles");
        formats.note();
        return formats;
    }

    @Override
    public Class<? extends Annotation> annotationType() {
        return Formats.class;
    }

    @Override
    public OutputFormat[] value() {
        String[] names = TableCodec.list(values.get("value"));
        OutputFormat[] formats = new OutputFormat[names.length];
        for (int i = 0; i < names.length; i++) {
            formats[i] = OutputFormat.valueOf(names[i]);
        }
        return formats;
    }

    @Override
    public OutputFormat terminal() {
        return OutputFormat.valueOf(values.get("terminal"));
    }

    @Override
    public OutputFormat pipe() {
        return OutputFormat.valueOf(values.get("pipe"));
    }

    @Override
    public boolean csvFiles() {
        return Boolean.parseBoolean(values.get("csvFiles"));
    }

    @Override
    public String note() {
        return TableCodec.unescape(values.get("note"));
    }
}
