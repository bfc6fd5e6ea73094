/**
 * Reading Duo user CSVs and checking them: shared by {@code validate} and {@code import}. No picocli, no terminal,
 * no output formats here (a test enforces it).
 *
 * <ul>
 *   <li>{@link dev.scimctl.csv.DuoCsvReader}: opens a file or a stream, detects the encoding ({@link
 *   dev.scimctl.csv.Encodings}) and the separator ({@link dev.scimctl.csv.Delimiters}), maps the header to
 *   {@link dev.scimctl.csv.Field}s ({@link dev.scimctl.csv.Columns}, with {@code --column} overrides), then yields
 *   one {@link dev.scimctl.csv.UserRow} at a time with its physical line number. Reads with opencsv's
 *   {@code CSVReader} over a {@link dev.scimctl.csv.PhysicalLineReader}, which counts lines and refuses bad bytes,
 *   NULs and runaway lines with a {@link dev.scimctl.csv.CsvInputException} naming the line.</li>
 *   <li>{@link dev.scimctl.csv.Validator}: runs the rules ({@code dev.scimctl.csv.rules}, one class per rule,
 *   catalogued in {@link dev.scimctl.csv.Rule}) over the rows and streams {@link dev.scimctl.csv.Finding}s to a
 *   {@link dev.scimctl.csv.FindingSink}; {@link dev.scimctl.csv.Validator#finish()} returns the
 *   {@link dev.scimctl.csv.Summary}. {@link dev.scimctl.csv.Validator#validate} first offers each row that is one
 *   line of valid UTF-8 to {@code rules.ByteRowCheck}, which settles it from its bytes when no rule could find
 *   anything in it, and otherwise lets the rules see it as a {@link dev.scimctl.csv.UserRow} (issue #18).</li>
 *   <li>{@link dev.scimctl.csv.OrganizationIds}: the tenant's organization ids for {@code --org-ids}.</li>
 * </ul>
 *
 * <p>An importer that wants only clean rows can validate and import in one pass: feed each row to the validator
 * with a sink that records the lines with errors, and act on the row after its check.
 */
package dev.scimctl.csv;
