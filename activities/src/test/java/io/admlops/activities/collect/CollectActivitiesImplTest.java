package io.admlops.activities.collect;

import static io.admlops.activities.RepositoryFiles.locate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.activities.store.StorageRoots;
import io.admlops.workflows.collect.CollectActivities;
import io.admlops.workflows.collect.CollectRequest;
import io.admlops.workflows.collect.CollectResult;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collect activity as Temporal runs it: heartbeats, and failures a retry cannot fix. */
class CollectActivitiesImplTest {

  @TempDir Path dir;
  private TestActivityEnvironment env;
  private CollectActivities activity;
  private final List<Integer> heartbeats = new ArrayList<>();

  @BeforeEach
  void environment() {
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(new CollectActivitiesImpl(
        new StorageRoots(dir.resolve("datasets"), dir.resolve("modelzoo"))));
    env.setActivityHeartbeatListener(Integer.class, heartbeats::add);
    activity = env.newActivityStub(CollectActivities.class);
  }

  @AfterEach
  void close() {
    env.close();
  }

  @Test
  void collectsFromTheGeneratorAndHeartbeatsItsProgress() {
    CollectResult result = activity.collect(CollectRequest.generator(fleet(), 3, 120));

    assertEquals(120, result.frames());
    // The SDK throttles heartbeats, so not every one reaches the server; those that do carry
    // the frames stored so far.
    assertEquals(50, heartbeats.get(0));
    assertTrue(heartbeats.stream().allMatch(n -> n % 50 == 0 && n <= 120), heartbeats::toString);
    assertTrue(Files.isRegularFile(dir.resolve("datasets").resolve(result.manifest())));
  }

  @Test
  void aRequestNoRetryCanFixFailsWithoutRetries() {
    ActivityFailure failure = assertThrows(ActivityFailure.class,
        () -> activity.collect(CollectRequest.folder(dir.resolve("no-inbox").toString(), null)));

    ApplicationFailure cause = (ApplicationFailure) failure.getCause();
    assertEquals(CollectActivitiesImpl.INVALID_REQUEST, cause.getType());
    assertTrue(cause.isNonRetryable());
    assertTrue(cause.getOriginalMessage().startsWith("inbox "), cause.getOriginalMessage());
  }

  private static String fleet() {
    return locate("configs/collect/fleet.yaml").toString();
  }
}
