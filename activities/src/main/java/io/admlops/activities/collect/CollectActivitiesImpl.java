package io.admlops.activities.collect;

import io.admlops.activities.datasets.DatasetStore;
import io.admlops.activities.store.StorageRoots;
import io.admlops.schemas.UserInputException;
import io.admlops.workflows.collect.CollectActivities;
import io.admlops.workflows.collect.CollectRequest;
import io.admlops.workflows.collect.CollectResult;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The collect activity on the cpu queue. It heartbeats the number of frames stored, so a
 * stuck worker is noticed; a retry finds the batch a finished attempt completed (batch ids
 * are content-derived) or writes the same batch again, never a second one. A request a retry
 * cannot fix fails as {@value #INVALID_REQUEST}, without retries.
 */
public class CollectActivitiesImpl implements CollectActivities {

  /** The failure type of a request that cannot succeed however often it is retried. */
  public static final String INVALID_REQUEST = "InvalidCollectRequest";

  private static final int HEARTBEAT_EVERY = 50;

  private final CollectedBatches batches;

  public CollectActivitiesImpl(StorageRoots roots) {
    this.batches = new CollectedBatches(new DatasetStore(roots.datasets()));
  }

  @Override
  public CollectResult collect(CollectRequest request) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    try {
      return switch (String.valueOf(request.source())) {
        case "generator" -> new GeneratorCollection(batches).collect(
            Path.of(required(request.mix(), "mix")), request.seed(), request.frames(),
            done -> heartbeat(context, done));
        case "folder" -> new InboxCollection(batches).collect(
            Path.of(required(request.inbox(), "inbox")), request.labelsFormat(),
            done -> heartbeat(context, done));
        default -> throw new UserInputException("source must be generator or folder, got "
            + request.source());
      };
    } catch (UserInputException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), INVALID_REQUEST);
    } catch (IOException e) {
      // Disk and network troubles pass; the retry policy decides how often to try again.
      throw new UncheckedIOException(e);
    }
  }

  private static void heartbeat(ActivityExecutionContext context, int framesStored) {
    if (framesStored % HEARTBEAT_EVERY == 0) {
      context.heartbeat(framesStored);
    }
  }

  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new UserInputException("collect request field '" + field + "' is missing");
    }
    return value;
  }
}
