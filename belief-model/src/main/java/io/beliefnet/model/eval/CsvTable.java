package io.beliefnet.model.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small CSV file with a header, read whole: the data sets' cells hold no commas or quotes, and
 * any row with the wrong number of cells is an error naming the file and line.
 */
record CsvTable(Path file, List<String> header, List<String[]> rows) {

  static CsvTable read(Path file, String... requiredColumns) {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String headerLine = reader.readLine();
      if (headerLine == null) {
        throw new IllegalArgumentException(file + " is empty: expected a header line");
      }
      List<String> header = Arrays.asList(headerLine.strip().replace("\uFEFF", "").split(",", -1));
      for (String column : requiredColumns) {
        if (!header.contains(column)) {
          throw new IllegalArgumentException(
              file + " has columns " + header + ": column '" + column + "' is required");
        }
      }
      List<String[]> rows = new ArrayList<>();
      String line;
      int lineNumber = 1;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        String[] cells = line.strip().split(",", -1);
        if (cells.length != header.size()) {
          throw new IllegalArgumentException(
              file
                  + " line "
                  + lineNumber
                  + " has "
                  + cells.length
                  + " cells, header has "
                  + header.size()
                  + ": fix the row");
        }
        rows.add(cells);
      }
      return new CsvTable(file, List.copyOf(header), rows);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  int column(String name) {
    return header.indexOf(name);
  }
}
