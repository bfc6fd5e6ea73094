package dev.scimctl.csv;

import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Map;

/**
 * How a CSV file scimctl writes is laid out. {@link #RFC_4180} (comma, LF, no BOM) is what scripts and most tools
 * read. Excel on Windows reads a file as the ANSI code page unless it starts with a byte-order mark, and splits cells
 * on the list separator of the locale, which is ';' where the decimal separator is a comma (de, fr, nl, ...):
 * {@link #excel} writes for it.
 *
 * @param bom       whether the file starts with U+FEFF
 * @param lineEnd   "\n" or "\r\n"
 * @param separator ',' or ';'
 */
public record CsvDialect(boolean bom, String lineEnd, char separator) {
    public static final CsvDialect RFC_4180 = new CsvDialect(false, "\n", ',');

    /** For Excel in {@code locale}: a BOM, CRLF, and ';' where the locale writes decimals with a comma. */
    public static CsvDialect excel(Locale locale) {
        boolean decimalComma = DecimalFormatSymbols.getInstance(locale).getDecimalSeparator() == ',';
        return new CsvDialect(true, "\r\n", decimalComma ? ';' : ',');
    }

    /** The same layout, with a BOM. */
    public CsvDialect withBom() {
        return new CsvDialect(true, lineEnd, separator);
    }

    /**
     * The locale for numbers, as POSIX tools find it: LC_ALL, else LC_NUMERIC, else LANG ("de_DE.UTF-8"); the JVM's
     * when none is set or it is "C"/"POSIX".
     */
    public static Locale numberLocale(Map<String, String> env) {
        for (String name : new String[]{"LC_ALL", "LC_NUMERIC", "LANG"}) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                String tag = value.split("[.@]", 2)[0];
                if (tag.equals("C") || tag.equals("POSIX")) {
                    return Locale.ROOT;
                }
                return Locale.forLanguageTag(tag.replace('_', '-'));
            }
        }
        return Locale.getDefault(Locale.Category.FORMAT);
    }
}
