package io.admlops.workflows.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.admlops.schemas.json.Mappers;
import org.junit.jupiter.api.Test;

/** A campaign's JSON as a user writes it, and the settings the defaults fill in. */
class CampaignConfigTest {

  private static final String REQUIRED = "\"name\": \"night\", \"dataset\": \"drive\", "
      + "\"modelConfig\": \"configs/models/centernet-tiny.yaml\"";

  @Test
  void aConfigWithoutLabelingGetsTheSimulatedVendorAnsweringAfterThirtySecondsWithoutErrors()
      throws Exception {
    CampaignConfig.Labeling labeling = parse("{" + REQUIRED + "}").labeling();

    assertEquals("simulated", labeling.vendor());
    assertEquals("PT30S", labeling.simulatedDelay());
    assertEquals(0.0, labeling.simulatedErrorRate());
  }

  @Test
  void aConfigWrittenBeforeTheSimulatedVendorsSettingsKeepsItsLabelingPolicy()
      throws Exception {
    CampaignConfig.Labeling labeling = parse("{" + REQUIRED + ", \"labeling\": {\"budget\": "
        + "300, \"vendor\": \"external\", \"remindEvery\": \"PT12H\", \"maxRework\": 1}}")
        .labeling();

    assertEquals(new CampaignConfig.Labeling(300, "external", "PT12H", "P14D", 1, "PT30S", 0),
        labeling);
  }

  @Test
  void labelingSettingsThatCannotWorkAreRefusedNamingTheField() {
    assertEquals("campaign config field 'labeling.simulatedErrorRate' must be within 0 and 1, "
        + "is 1.5", refusal("\"labeling\": {\"simulatedErrorRate\": 1.5}"));
    assertEquals("campaign config field 'labeling.simulatedDelay' must be an ISO-8601 duration "
        + "such as PT30S, is '30s'", refusal("\"labeling\": {\"simulatedDelay\": \"30s\"}"));
    assertEquals("campaign config field 'labeling.vendor' must be simulated or external, is "
        + "'acme'", refusal("\"labeling\": {\"vendor\": \"acme\"}"));
  }

  @Test
  void aBenchmarkIsOptionalAndKeptAsGiven() throws Exception {
    assertNull(parse("{" + REQUIRED + "}").benchmark());
    assertEquals(new CampaignConfig.Benchmark("benchmark", 2), parse("{" + REQUIRED
        + ", \"benchmark\": {\"dataset\": \"benchmark\", \"version\": 2}}").benchmark());
  }

  @Test
  void aBenchmarkWithoutDatasetOrVersionIsRefusedNamingTheField() {
    assertEquals("campaign config field 'benchmark.dataset' is missing",
        refusal("\"benchmark\": {\"version\": 1}"));
    assertEquals("campaign config field 'benchmark.version' must be a version number, 1 or "
        + "more", refusal("\"benchmark\": {\"dataset\": \"benchmark\"}"));
  }

  private static String refusal(String field) {
    return assertThrows(IllegalArgumentException.class,
        () -> parse("{" + REQUIRED + ", " + field + "}")).getMessage();
  }

  private static CampaignConfig parse(String json) throws Exception {
    return Mappers.json().readValue(json, CampaignConfig.class).withDefaults();
  }
}
