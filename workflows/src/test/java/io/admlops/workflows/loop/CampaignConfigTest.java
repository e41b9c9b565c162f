package io.admlops.workflows.loop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CampaignConfigTest {

  @Test
  void aBenchmarkIsOptionalAndKeptAsGiven() {
    assertNull(with(null).withDefaults().benchmark());
    assertEquals(new CampaignConfig.Benchmark("benchmark", 2),
        with(new CampaignConfig.Benchmark("benchmark", 2)).withDefaults().benchmark());
  }

  @Test
  void aBenchmarkWithoutDatasetOrVersionIsRefusedNamingTheField() {
    IllegalArgumentException noDataset = assertThrows(IllegalArgumentException.class,
        () -> with(new CampaignConfig.Benchmark(null, 1)).withDefaults());
    assertEquals("campaign config field 'benchmark.dataset' is missing", noDataset.getMessage());
    IllegalArgumentException noVersion = assertThrows(IllegalArgumentException.class,
        () -> with(new CampaignConfig.Benchmark("benchmark", 0)).withDefaults());
    assertEquals("campaign config field 'benchmark.version' must be a version number, 1 or "
        + "more", noVersion.getMessage());
  }

  private static CampaignConfig with(CampaignConfig.Benchmark benchmark) {
    return new CampaignConfig("night", "drive", null, "configs/models/centernet-tiny.yaml",
        null, null, null, null, benchmark, null, 0, 0);
  }
}
