package io.admlops.activities.store;

import static io.admlops.schemas.db.Tables.DATASET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.schemas.UserInputException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jooq.JSONB;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

  @TempDir Path home;

  @Test
  void keepsRegistryRowsAcrossRestarts() throws Exception {
    Path data = home.resolve("postgres/data");
    try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(data)) {
      RegistryDatabase.open(first.target()).dsl()
          .insertInto(DATASET, DATASET.NAME, DATASET.TASK, DATASET.DEFINITION)
          .values("survives-restart", "detection-2d", JSONB.valueOf("{}")).execute();
    }
    try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(data)) {
      assertEquals(List.of("survives-restart"),
          RegistryDatabase.open(second.target()).dsl().select(DATASET.NAME).from(DATASET)
              .fetch(DATASET.NAME));
    }
  }

  @Test
  void startsAfterTheProcessThatOwnedTheServerWasKilled() throws Exception {
    Path data = home.resolve("postgres/data");
    Process owner = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        ServerOwner.class.getName(), data.toString())
        .redirectErrorStream(true)
        .start();
    awaitLine(owner, "ready");
    owner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

    long orphan = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
    assertTrue(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false),
        "precondition: the killed owner's postmaster still runs");

    try (EmbeddedPostgresServer next = EmbeddedPostgresServer.start(data)) {
      assertTrue(RegistryDatabase.open(next.target()).serverVersion().startsWith("17"));
    }
    assertTrue(ProcessHandle.of(orphan).map(h -> !h.isAlive()).orElse(true),
        "the orphaned postmaster was stopped");
  }

  @Test
  void refusesADataDirectoryALiveProcessOwnsAndLeavesItsServerRunning() throws Exception {
    Path data = home.resolve("postgres/data");
    try (EmbeddedPostgresServer owner = EmbeddedPostgresServer.start(data)) {
      UserInputException e = assertThrows(UserInputException.class,
          () -> EmbeddedPostgresServer.start(data));

      assertTrue(e.getMessage().startsWith("the embedded PostgreSQL over " + data
          + " is in use by another admlops process"), e.getMessage());
      assertTrue(RegistryDatabase.open(owner.target()).serverVersion().startsWith("17"),
          "the owner's server still answers");
    }
  }

  private static void awaitLine(Process process, String wanted) throws Exception {
    BufferedReader out = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line; (line = out.readLine()) != null; ) {
      if (line.equals(wanted)) {
        return;
      }
      seen.append(line).append('\n');
    }
    throw new AssertionError("the server owner exited before '" + wanted + "':\n" + seen);
  }

  /** A separate JVM that starts the server over a data directory and waits to be killed. */
  public static final class ServerOwner {
    public static void main(String[] args) throws Exception {
      EmbeddedPostgresServer.start(Path.of(args[0]));
      System.out.println("ready");
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }
  }
}
