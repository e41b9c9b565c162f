package io.admlops.codegen;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Jdbc;
import org.jooq.meta.jaxb.Target;

/**
 * Generates the jOOQ classes of the registry from the Flyway migrations, applied to a real,
 * throwaway PostgreSQL. Run by the schemas module's build; the migrations stay the one source
 * of the schema and the generated code is never edited.
 *
 * <p>Arguments: the migrations folder, the output folder, the target package.
 */
public final class SchemaCodegen {

  /** Written beside the generated code; when it matches the migrations, generation is skipped. */
  private static final String STAMP_FILE = ".migrations.sha256";

  private SchemaCodegen() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      throw new IllegalArgumentException(
          "usage: SchemaCodegen <migrations dir> <output dir> <package>");
    }
    Path migrations = Path.of(args[0]);
    Path output = Path.of(args[1]);
    String targetPackage = args[2];

    String fingerprint = fingerprint(migrations);
    Path stamp = output.resolve(STAMP_FILE);
    if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(fingerprint)) {
      System.out.println("jOOQ classes are up to date with " + migrations);
      return;
    }
    // The server's output goes to a file: piping it would leave reader threads behind in
    // Maven's JVM, which exec:java then waits on.
    Files.createDirectories(output);
    ProcessBuilder.Redirect serverLog =
        ProcessBuilder.Redirect.appendTo(
            output.resolveSibling("jooq-codegen-postgres.log").toFile());
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
        .setOutputRedirector(serverLog)
        .setErrorRedirector(serverLog)
        .setRegisterShutdownHook(false)
        .start()) {
      String url = postgres.getJdbcUrl("postgres", "postgres");
      Flyway.configure()
          .dataSource(url, "postgres", "postgres")
          .locations("filesystem:" + migrations.toAbsolutePath())
          .load()
          .migrate();
      GenerationTool.generate(configuration(url, output, targetPackage));
    }
    Files.writeString(stamp, fingerprint);
  }

  private static Configuration configuration(String url, Path output, String targetPackage) {
    return new Configuration()
        .withJdbc(new Jdbc().withDriver("org.postgresql.Driver").withUrl(url)
            .withUser("postgres").withPassword("postgres"))
        .withGenerator(new Generator()
            .withDatabase(new Database()
                .withName("org.jooq.meta.postgres.PostgresDatabase")
                .withInputSchema("public")
                .withOutputSchemaToDefault(true)
                .withExcludes("flyway_schema_history"))
            .withGenerate(new Generate()
                .withRecords(true)
                .withPojos(false)
                .withDaos(false)
                .withJavaTimeTypes(true)
                .withGeneratedAnnotation(false))
            .withTarget(new Target()
                .withPackageName(targetPackage)
                .withDirectory(output.toAbsolutePath().toString())
                .withClean(true)));
  }

  /** A hash over every migration's name and bytes, in name order. */
  static String fingerprint(Path migrations) throws IOException {
    List<Path> files;
    try (Stream<Path> listing = Files.list(migrations)) {
      files = listing.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IllegalStateException("no migrations (*.sql) in " + migrations);
    }
    MessageDigest digest = sha256();
    for (Path file : files) {
      digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
      digest.update(Files.readAllBytes(file));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
