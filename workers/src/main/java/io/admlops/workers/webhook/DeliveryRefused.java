package io.admlops.workers.webhook;

import io.admlops.schemas.UserInputException;

/** Why returned labels were not handed to a campaign; the message says it to the caller. */
public final class DeliveryRefused extends UserInputException {

  private static final long serialVersionUID = 1L;

  /** The kinds of refusal, each answered differently by the webhook. */
  public enum Reason {
    /** No campaign workflow of that name is running. */
    NO_CAMPAIGN,
    /** The campaign does not wait for that batch: unknown, or its labels already came. */
    NOT_PENDING,
    /** The campaign did not answer its status query (no workflow worker, Temporal down). */
    CAMPAIGN_UNAVAILABLE
  }

  private final Reason reason;

  DeliveryRefused(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
