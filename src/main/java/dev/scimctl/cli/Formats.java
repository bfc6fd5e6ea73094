package dev.scimctl.cli;

import dev.scimctl.output.OutputFormat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The output formats a command that prints data takes with {@code -o} (the shared option,
 * {@link dev.scimctl.cli.options.FormatOption}), and its defaults. Any other word of the vocabulary is refused with
 * this list; the help and the man page of the option are written from it ({@link FormatHelp}). A command that prints
 * records through {@link dev.scimctl.cli.options.OutputOptions} and has no annotation takes {@link #RECORDS}.
 *
 * <pre>
 * &#64;Formats(value = {OutputFormat.text, OutputFormat.json}, pipe = OutputFormat.text)
 * </pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Formats {
    /** The formats of a command that prints records: table, tsv, csv, json, ndjson. */
    OutputFormat[] RECORDS = {OutputFormat.table, OutputFormat.tsv, OutputFormat.csv, OutputFormat.json,
            OutputFormat.ndjson};

    OutputFormat[] value();

    /** The format on a terminal when {@code -o} is not given. */
    OutputFormat terminal() default OutputFormat.table;

    /** The format in a pipe or a file when {@code -o} is not given. */
    OutputFormat pipe() default OutputFormat.tsv;

    /** Whether the command writes a CSV file (import's --report): --bom and --csv-dialect apply to it. */
    boolean csvFiles() default false;

    /** What the formats hold for this command, where the vocabulary's meaning is not enough (one sentence). */
    String note() default "";
}
