package io.admlops.workflows.loop;

import io.admlops.workflows.evaluate.EvaluateResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The deploy gate's rule, pure so the workflow replays it the same way: a candidate passes
 * when its overall mAP does not fall below the production model's by more than the
 * tolerance and every targeted slice improves by more than it. Without a production model
 * any candidate passes.
 */
public final class DeployGate {

  private DeployGate() {}

  /**
   * The decision on a candidate evaluated against production.
   *
   * @param result the candidate's evaluation, with the baseline's overall mAP and the rows
   *     that improved or regressed beyond the tolerance
   * @param deploy the campaign's deploy settings
   */
  public static Decision decide(EvaluateResult result, CampaignConfig.Deploy deploy) {
    List<String> reasons = new ArrayList<>();
    if (result.baseline() == null) {
      reasons.add("no production model yet: " + result.model() + " becomes the first");
      return new Decision(true, reasons);
    }
    boolean pass = true;
    double drop = result.baselineMap() - result.map();
    if (drop > deploy.tolerance()) {
      pass = false;
      reasons.add(String.format(Locale.ROOT,
          "overall mAP %.4f is %.4f below production's %.4f (tolerance %.4f)", result.map(),
          drop, result.baselineMap(), deploy.tolerance()));
    } else {
      reasons.add(String.format(Locale.ROOT,
          "overall mAP %.4f against production's %.4f", result.map(), result.baselineMap()));
    }
    for (String slice : deploy.targetSlices()) {
      if (result.improved().contains(slice)) {
        reasons.add(slice + " improved");
      } else {
        pass = false;
        reasons.add(slice + (result.regressed().contains(slice) ? " regressed"
            : " did not improve by more than the tolerance"));
      }
    }
    return new Decision(pass, reasons);
  }

  /**
   * @param pass whether the candidate may replace production
   * @param reasons the gate's findings, one line each
   */
  public record Decision(boolean pass, List<String> reasons) {
    public Decision {
      reasons = List.copyOf(reasons);
    }
  }
}
