package io.admlops.workers.dashboard;

import java.util.regex.Pattern;

/**
 * Every address the dashboard answers, in one place: the links pages write and the patterns
 * the server matches. Campaign names are lower-case letters, digits and dashes, so they go
 * into paths as they are.
 */
final class DashboardRoutes {

  private static final String NAME = "([a-z0-9][a-z0-9-]{0,62})";

  static final Pattern CAMPAIGN = Pattern.compile("/campaigns/" + NAME);
  static final Pattern GALLERY =
      Pattern.compile("/campaigns/" + NAME + "/iterations/(\\d{1,9})/gallery");
  static final Pattern RUN = Pattern.compile("/runs/(\\d{1,18})");
  static final Pattern RUN_CURVES = Pattern.compile("/runs/(\\d{1,18})/curves\\.svg");
  static final Pattern API_CAMPAIGN = Pattern.compile("/api/campaigns/" + NAME);
  static final Pattern API_CAMPAIGN_PART =
      Pattern.compile("/api/campaigns/" + NAME + "/(evaluations|datasets|batches)");
  static final Pattern API_GALLERY =
      Pattern.compile("/api/campaigns/" + NAME + "/iterations/(\\d{1,9})/gallery");
  static final Pattern API_RUN = Pattern.compile("/api/runs/(\\d{1,18})");

  /** The list of campaigns, as a page and as JSON. */
  static final String CAMPAIGNS = "/";
  static final String API_CAMPAIGNS = "/api/campaigns";

  private DashboardRoutes() {}

  static String campaign(String name) {
    return "/campaigns/" + name;
  }

  static String gallery(String campaign, int iteration) {
    return campaign(campaign) + "/iterations/" + iteration + "/gallery";
  }

  static String run(long id) {
    return "/runs/" + id;
  }

  static String runCurves(long id) {
    return run(id) + "/curves.svg";
  }

  /** Where the JSON of a page is: the page's path under /api. */
  static String api(String page) {
    return "/api" + page;
  }
}
