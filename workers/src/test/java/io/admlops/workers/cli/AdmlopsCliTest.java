package io.admlops.workers.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a person sees when they ask for help or get something wrong. */
class AdmlopsCliTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"", "up", "worker", "doctor", "campaign", "campaign start", "dataset",
      "dataset convert", "dataset validate", "dataset analyze", "dataset import", "dataset list",
      "dataset show", "dataset diff", "dataset export", "collect", "eval", "eval coco",
      "campaign list", "campaign status", "campaign signal", "campaign cancel", "run",
      "run show", "eval kitti", "eval model", "train", "predict", "annotations",
      "annotations submit"})
  void everyCommandExplainsItselfOnHelp(String command) {
    String[] args = (command + " --help").trim().split(" ");

    CliRun help = CliRun.of(args);

    assertEquals(0, help.exitCode(), help.err());
    assertTrue(help.out().startsWith("Usage: admlops"), help.out());
  }

  @Test
  void aMalformedTemporalAddressIsOneLineNamingTheFlag() {
    CliRun run = CliRun.of("doctor", "--temporal", "temporal.internal");

    assertEquals(2, run.exitCode());
    assertEquals("admlops: --temporal / TEMPORAL_ADDRESS: expected host:port, got "
        + "'temporal.internal'\n", run.err());
  }

  @Test
  void anUnreachableTemporalIsNamedWithTheWayToStartOne() {
    CliRun run = CliRun.of("doctor", "--temporal", "127.0.0.1:1");

    assertEquals(2, run.exitCode());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().startsWith("admlops: cannot reach Temporal at 127.0.0.1:1 (is "
        + "`admlops up` or scripts/temporal-dev-server running?)"), run.err());
  }

  @Test
  void anUnknownFlagIsRefusedWithTheUsage() {
    CliRun run = CliRun.of("doctor", "--bogus");

    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("Unknown option: '--bogus'"), run.err());
    assertFalse(run.err().contains("\tat "), run.err());
  }

  @Test
  void anUnknownQueueNamesTheQueuesThereAre() {
    CliRun run = CliRun.of("worker", "--queues", "cpu,tpu");

    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("unknown queue 'tpu'; expected some of workflows,cpu,gpu"),
        run.err());
  }

  @Test
  void aCpuWorkerWithoutADatabaseSaysHowToNameOne() {
    CliRun run = CliRun.of("worker", "--queues", "cpu", "--temporal", "127.0.0.1:1");

    assertEquals(2, run.exitCode());
    assertEquals("admlops: the cpu and gpu queues write to the registry: pass --db-url or set "
        + "ADMLOPS_DB_URL (admlops up prints its database URL)\n", run.err());
  }

  @Test
  void anUnreachableDatabaseIsNamed() {
    CliRun run = CliRun.of("worker", "--queues", "gpu", "--temporal", "127.0.0.1:1",
        "--db-url", "jdbc:postgresql://127.0.0.1:1/admlops");

    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith(
        "admlops: cannot reach PostgreSQL at jdbc:postgresql://127.0.0.1:1/admlops: "), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  @Test
  void aCampaignConfigThatIsNotYamlNamesTheFileAndLine() throws Exception {
    Path config = dir.resolve("broken.yaml");
    Files.writeString(config, "name: night\ncadence: [P7D\nbudget: 5\n");

    CliRun run = CliRun.of("campaign", "start", "--config", config.toString());

    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("admlops: " + config + ":"), run.err());
    assertTrue(run.err().matches("(?s)admlops: \\S+:[34]:\\d+: .+\n"), run.err());
  }

  @Test
  void aCampaignConfigWithoutANameSaysWhichFieldIsMissing() throws Exception {
    Path config = dir.resolve("nameless.yaml");
    Files.writeString(config, "cadence: P7D\n");

    CliRun run = CliRun.of("campaign", "start", "--config", config.toString());

    assertEquals(2, run.exitCode());
    assertEquals("admlops: " + config + ": field 'name' is missing or not text\n", run.err());
  }

  @Test
  void debugAddsTheStackTraceToTheOneLine() {
    CliRun run = CliRun.of("doctor", "--debug", "--temporal", "temporal.internal");

    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("\tat io.admlops."), run.err());
    assertTrue(run.err().endsWith("admlops: --temporal / TEMPORAL_ADDRESS: expected host:port, "
        + "got 'temporal.internal'\n"), run.err());
  }
}
