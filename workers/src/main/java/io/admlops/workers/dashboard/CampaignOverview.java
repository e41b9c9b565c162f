package io.admlops.workers.dashboard;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A campaign as the list of campaigns shows it: where it is and how its models do.
 *
 * @param name the campaign's name
 * @param status its status
 * @param dataset the dataset it grows
 * @param iterations how many iterations the journal holds
 * @param latestIteration the newest iteration's number, or null before the first
 * @param latestStage the stage the newest iteration is at, or null
 * @param latestStatus the newest iteration's status, or null
 * @param latestMap the overall mAP of the newest evaluated candidate, or null
 * @param production the production model after the newest iteration that says, or null
 * @param createdAt when it was started
 * @param updatedAt when the journal last changed it
 */
public record CampaignOverview(String name, String status, String dataset, int iterations,
    Integer latestIteration, String latestStage, String latestStatus, Double latestMap,
    String production, Instant createdAt, Instant updatedAt) {

  /** The overview of a campaign's history. */
  static CampaignOverview of(CampaignHistory campaign) {
    List<IterationHistory> iterations = campaign.iterations();
    Optional<IterationHistory> latest = iterations.isEmpty() ? Optional.empty()
        : Optional.of(iterations.get(iterations.size() - 1));
    Double latestMap = null;
    String production = null;
    for (IterationHistory iteration : iterations) {
      latestMap = iteration.evaluatedMap().orElse(latestMap);
      production = iteration.productionAfter().orElse(production);
    }
    return new CampaignOverview(campaign.name(), campaign.status(), campaign.dataset(),
        iterations.size(), latest.map(IterationHistory::number).orElse(null),
        latest.map(IterationHistory::stage).orElse(null),
        latest.map(IterationHistory::status).orElse(null), latestMap, production,
        campaign.createdAt(), campaign.updatedAt());
  }
}
