package io.beliefnet.avro;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Guards schema evolution: every current schema in {@code avro/} must read data written with each
 * released version kept in {@code history/<Record>/v<N>.avsc} (BACKWARD compatibility, as the
 * registry enforces it). Releasing a schema change means adding it to the history as the next
 * version.
 */
class SchemaHistoryTest {

  private static final Path CURRENT = Path.of("avro");
  private static final Path HISTORY = Path.of("history");

  @TestFactory
  Stream<DynamicTest> everySchemaReadsAllItsEarlierVersions() throws IOException {
    return currentSchemaFiles().stream()
        .flatMap(file -> historyOf(file).stream().map(old -> compatibilityCheck(file, old)));
  }

  @Test
  void everySchemaHasAReleasedVersion() throws IOException {
    for (Path file : currentSchemaFiles()) {
      assertThat(historyOf(file))
          .as("released versions of %s: copy it to history/%s/v1.avsc", file, recordName(file))
          .isNotEmpty();
    }
  }

  @Test
  void currentSchemaIsItsNewestReleasedVersion() throws IOException {
    for (Path file : currentSchemaFiles()) {
      List<Path> history = historyOf(file);
      Path newest = history.get(history.size() - 1);
      assertThat(parse(file))
          .as(
              "%s differs from its newest release %s: add it to the history as the next version",
              file, newest)
          .isEqualTo(parse(newest));
    }
  }

  @Test
  void everyRecordAndFieldIsDocumented() throws IOException {
    List<String> undocumented = new ArrayList<>();
    for (Path file : currentSchemaFiles()) {
      collectUndocumented(parse(file), undocumented);
    }
    assertThat(undocumented).as("records and fields without a doc").isEmpty();
  }

  private static DynamicTest compatibilityCheck(Path current, Path old) {
    return DynamicTest.dynamicTest(
        current.getFileName() + " reads " + HISTORY.relativize(old),
        () -> {
          SchemaPairCompatibility result =
              SchemaCompatibility.checkReaderWriterCompatibility(parse(current), parse(old));
          assertThat(result.getType())
              .as("%s cannot read data written with %s: %s", current, old, describe(result))
              .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
        });
  }

  /** Names each incompatibility by kind and location; Avro's own text repeats both schemas. */
  private static List<String> describe(SchemaPairCompatibility result) {
    return result.getResult().getIncompatibilities().stream()
        .map(i -> i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")")
        .toList();
  }

  private static void collectUndocumented(Schema schema, List<String> undocumented) {
    switch (schema.getType()) {
      case RECORD -> {
        if (isBlank(schema.getDoc())) {
          undocumented.add(schema.getFullName());
        }
        for (Schema.Field field : schema.getFields()) {
          if (isBlank(field.doc())) {
            undocumented.add(schema.getFullName() + "." + field.name());
          }
          collectUndocumented(field.schema(), undocumented);
        }
      }
      case ARRAY -> collectUndocumented(schema.getElementType(), undocumented);
      case MAP -> collectUndocumented(schema.getValueType(), undocumented);
      case UNION -> schema.getTypes().forEach(branch -> collectUndocumented(branch, undocumented));
      case ENUM -> {
        if (isBlank(schema.getDoc())) {
          undocumented.add(schema.getFullName());
        }
      }
      default -> {}
    }
  }

  private static boolean isBlank(String doc) {
    return doc == null || doc.isBlank();
  }

  private static List<Path> currentSchemaFiles() throws IOException {
    try (Stream<Path> files = Files.list(CURRENT)) {
      return files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList();
    }
  }

  /** Released versions of a schema, oldest first (v1, v2, ..., v10 sorted by number). */
  private static List<Path> historyOf(Path currentFile) {
    Path dir = HISTORY.resolve(recordName(currentFile));
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().matches("v\\d+\\.avsc"))
          .sorted((a, b) -> Integer.compare(versionOf(a), versionOf(b)))
          .toList();
    } catch (IOException e) {
      throw new IllegalStateException("cannot list " + dir, e);
    }
  }

  private static int versionOf(Path historyFile) {
    String name = historyFile.getFileName().toString();
    return Integer.parseInt(name.substring(1, name.length() - ".avsc".length()));
  }

  private static String recordName(Path currentFile) {
    String name = currentFile.getFileName().toString();
    return name.substring(0, name.length() - ".avsc".length());
  }

  private static Schema parse(Path file) throws IOException {
    return new Schema.Parser().parse(file.toFile());
  }
}
