package io.admlops.activities.mine;

import io.admlops.schemas.UserInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Picks the frames to label from scored candidates, within a budget.
 *
 * <p>{@link MiningStrategy#MINED}: candidates are ranked by their combined score, the best
 * {@code poolFactor} times the budget form a pool, and greedy k-center on the embeddings,
 * starting from the best-ranked frame, picks the budget from the pool, so the batch is not
 * a hundred near-copies of one hard scene. {@link MiningStrategy#RANDOM}: a uniform sample
 * drawn with the seed. Both depend only on the candidates as a set, not on their order: ties
 * and the sample are resolved over the candidates sorted by frame id.
 */
public final class CornerCaseSelector {

  private final MiningSettings settings;

  public CornerCaseSelector(MiningSettings settings) {
    this.settings = settings;
  }

  /**
   * The picked frames in the order they were picked, at most {@code budget} of them, each
   * tagged with its reasons.
   *
   * @param seed draws the random strategy's sample; the mined strategy needs none
   * @throws UserInputException when the budget is negative
   */
  public List<MinedFrame> select(List<MiningCandidate> candidates, int budget,
      MiningStrategy strategy, long seed) {
    if (budget < 0) {
      throw new UserInputException("labeling budget must be at least 0 frames, not " + budget);
    }
    List<MiningCandidate> byId = new ArrayList<>(candidates);
    byId.sort(Comparator.comparing(c -> c.frame().id()));
    double[] combined = byId.stream()
        .mapToDouble(c -> settings.combine(c.uncertainty(), c.inconsistency(), c.rarity()))
        .toArray();
    List<Integer> ranking = IntStream.range(0, byId.size()).boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -combined[i])
            .thenComparingInt(i -> i))
        .toList();
    int[] rank = new int[ranking.size()];
    for (int r = 0; r < ranking.size(); r++) {
      rank[ranking.get(r)] = r;
    }
    List<Integer> picks = strategy == MiningStrategy.MINED
        ? diversePicks(byId, ranking, budget)
        : randomPicks(byId.size(), budget, seed);
    double[] diversity = diversity(byId, picks);
    List<MinedFrame> mined = new ArrayList<>();
    for (int p = 0; p < picks.size(); p++) {
      int i = picks.get(p);
      MiningCandidate candidate = byId.get(i);
      List<String> reasons = strategy == MiningStrategy.MINED
          ? reasons(candidate, rank[i] >= budget)
          : List.of(MiningReasons.RANDOM);
      Map<String, Double> scores = new LinkedHashMap<>();
      scores.put(MinedFrame.UNCERTAINTY, candidate.uncertainty());
      scores.put(MinedFrame.INCONSISTENCY, candidate.inconsistency());
      scores.put(MinedFrame.RARITY, candidate.rarity());
      scores.put(MinedFrame.COMBINED, combined[i]);
      scores.put(MinedFrame.DIVERSITY, diversity[p]);
      mined.add(new MinedFrame(MiningReasons.tag(candidate.frame(), reasons), scores, reasons));
    }
    return mined;
  }

  private List<Integer> diversePicks(List<MiningCandidate> byId, List<Integer> ranking,
      int budget) {
    int poolSize = (int) Math.min(byId.size(), Math.ceil(budget * settings.poolFactor()));
    List<Integer> pool = ranking.subList(0, poolSize);
    List<float[]> embeddings = pool.stream().map(i -> byId.get(i).embedding()).toList();
    return KCenterGreedy.select(embeddings, budget, 0).stream().map(pool::get).toList();
  }

  private static List<Integer> randomPicks(int candidates, int budget, long seed) {
    List<Integer> order = new ArrayList<>(IntStream.range(0, candidates).boxed().toList());
    Collections.shuffle(order, new Random(seed));
    return order.subList(0, Math.min(budget, candidates));
  }

  /**
   * Each pick's distance to the nearest other pick over twice the candidates' radius around
   * their mean embedding, a bound on any two candidates' distance, so it lies in [0, 1].
   */
  private static double[] diversity(List<MiningCandidate> candidates, List<Integer> picks) {
    double[] scores = new double[picks.size()];
    if (picks.size() < 2) {
      return scores;
    }
    float[] mean = new float[candidates.get(0).embedding().length];
    for (MiningCandidate c : candidates) {
      for (int d = 0; d < mean.length; d++) {
        mean[d] += c.embedding()[d] / candidates.size();
      }
    }
    double radius = candidates.stream()
        .mapToDouble(c -> KCenterGreedy.distance(mean, c.embedding())).max().orElse(0);
    if (radius == 0) {
      return scores;
    }
    for (int p = 0; p < picks.size(); p++) {
      double nearest = Double.POSITIVE_INFINITY;
      for (int q = 0; q < picks.size(); q++) {
        if (q != p) {
          nearest = Math.min(nearest, KCenterGreedy.distance(
              candidates.get(picks.get(p)).embedding(), candidates.get(picks.get(q)).embedding()));
        }
      }
      scores[p] = Math.min(1, nearest / (2 * radius));
    }
    return scores;
  }

  /**
   * The criteria that carry at least the reason share of the frame's weighted score, and
   * whether diversity brought it in over better-ranked frames.
   */
  private List<String> reasons(MiningCandidate candidate, boolean belowBudgetRank) {
    double uncertainty = settings.uncertaintyWeight() * candidate.uncertainty();
    double inconsistency = settings.inconsistencyWeight() * candidate.inconsistency();
    double rarity = settings.rarityWeight() * candidate.rarity();
    double floor = settings.reasonShare() * (uncertainty + inconsistency + rarity);
    List<String> reasons = new ArrayList<>();
    if (uncertainty > 0 && uncertainty >= floor) {
      reasons.add(MiningReasons.UNCERTAIN);
    }
    if (inconsistency > 0 && inconsistency >= floor) {
      reasons.add(MiningReasons.FLICKER);
    }
    if (rarity > 0 && rarity >= floor) {
      candidate.rareValues().forEach(v -> reasons.add(MiningReasons.rare(v)));
    }
    if (belowBudgetRank) {
      reasons.add(MiningReasons.DIVERSE);
    }
    return reasons;
  }
}
