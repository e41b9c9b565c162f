package io.admlops.workers.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A campaign and every iteration the loop journal holds for it.
 *
 * @param name the campaign's name
 * @param workflowId its Temporal workflow, {@code campaign-<name>}
 * @param status {@code running}, {@code paused}, {@code completed}, {@code failed} or
 *     {@code cancelled}
 * @param dataset the registry dataset it grows, from its config
 * @param config the campaign's config as it was started
 * @param createdAt when it was started
 * @param updatedAt when the journal last changed it
 * @param iterations its iterations, by number
 */
public record CampaignHistory(String name, String workflowId, String status, String dataset,
    JsonNode config, Instant createdAt, Instant updatedAt, List<IterationHistory> iterations) {

  public CampaignHistory {
    iterations = List.copyOf(iterations);
  }

  /** The iteration with that number, when the journal has it. */
  public Optional<IterationHistory> iteration(int number) {
    return iterations.stream().filter(i -> i.number() == number).findFirst();
  }
}
