package io.admlops.workflows;

import io.temporal.failure.ApplicationFailure;

/** What a person should read of a failure that came through Temporal. */
public final class FailureMessages {

  private FailureMessages() {}

  /**
   * The message of the innermost cause: an activity's or workflow's own words rather than
   * Temporal's wrappers around them ("Activity task failed", "Child workflow failed").
   */
  public static String rootMessage(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause instanceof ApplicationFailure application
        ? application.getOriginalMessage() : cause.getMessage();
  }
}
