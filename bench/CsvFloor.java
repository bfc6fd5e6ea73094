import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor for bench/validate.sh: a plain opencsv CSVReader over the file, with its defaults, doing nothing with
 * the cells but count them. scimctl validate cannot be faster than reading the file like this.
 */
public final class CsvFloor {
    public static void main(String[] args) throws Exception {
        long rows = 0;
        long chars = 0;
        try (CSVReader reader = new CSVReaderBuilder(Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8))
                .build()) {
            for (String[] row; (row = reader.readNext()) != null; ) {
                rows++;
                for (String cell : row) {
                    chars += cell.length();
                }
            }
        }
        // Printing the totals keeps the JIT from dropping the loop.
        System.out.println(rows + " records, " + chars + " characters");
    }
}
