package io.admlops.workers.cli;

import static io.admlops.activities.RepositoryFiles.locate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** admlops collect as a user runs it. */
class CollectCommandTest {

  @TempDir Path dir;

  @Test
  void generatesABatchAndCollectingItAgainGivesTheSameBatch() {
    Path out = dir.resolve("dataset");
    String mix = locate("configs/collect/night-and-fog.yaml").toString();

    CliRun first = CliRun.of("collect", "--config", mix, "--seed", "4", "--frames", "30",
        "--out", out.toString());
    CliRun again = CliRun.of("collect", "--config", mix, "--seed", "4", "--frames", "30",
        "--out", out.toString());

    assertEquals(0, first.exitCode(), first.err());
    assertTrue(first.out().matches("(?s)batch gen-[0-9a-f]{16}: 30 frames\n.*ground truth .*"),
        first.out());
    assertEquals(first.out(), again.out());
  }

  @Test
  void aFolderSourceWithoutAnInboxSaysWhatIsMissing() {
    CliRun run = CliRun.of("collect", "--source", "folder", "--out", dir.toString());

    assertEquals(2, run.exitCode());
    assertEquals("admlops: --source folder needs --inbox DIR\n", run.err());
  }

  @Test
  void aMixWithAnUnknownFieldIsNamed() throws Exception {
    Path mix = dir.resolve("mix.yaml");
    Files.writeString(mix, "timeOfDay: {daytime: 1}\nweather: {clear: 1}\nsunshine: 3\n");

    CliRun run = CliRun.of("collect", "--config", mix.toString(), "--out", dir.toString());

    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("admlops: " + mix + ": "), run.err());
    assertTrue(run.err().contains("sunshine"), run.err());
  }

}
