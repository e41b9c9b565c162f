package io.admlops.activities.collect.generator;

import static io.admlops.activities.RepositoryFiles.locate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.schemas.UserInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario mix files: the shipped ones, defaults, errors naming the field, and sampling. */
class ScenarioMixTest {

  @TempDir Path dir;

  @Test
  void theShippedFleetKeepsNightAndFogRare() {
    ScenarioMix fleet = ScenarioMix.load(locate("configs/collect/fleet.yaml"));

    assertEquals(0.04, fleet.timeOfDay().share("night"), 1e-9);
    assertEquals(0.03, fleet.weather().share("foggy"), 1e-9);
    assertEquals(0.87, fleet.weather().share("clear") + fleet.weather().share("overcast"),
        1e-9);
    assertEquals(384, fleet.imageWidth());
    assertEquals(192, fleet.camera().principalX());
    assertTrue(fleet.classes().share("bus") < 0.05);
    ScenarioMix campaign = ScenarioMix.load(locate("configs/collect/night-and-fog.yaml"));
    assertEquals(0.6, campaign.timeOfDay().share("night"), 1e-9);
    assertEquals(0.5, campaign.weather().share("foggy"), 1e-9);
  }

  @Test
  void leftOutFieldsTakeTheirDefaults() throws Exception {
    ScenarioMix mix = ScenarioMix.load(write(
        "timeOfDay: {night: 1}\nweather: {foggy: 1}\nsceneType: {highway: 1}\n"));

    assertEquals(384, mix.imageWidth());
    assertEquals(128, mix.imageHeight());
    assertEquals(new ScenarioMix.Camera(0.57 * 384, 192, 64, 1.6), mix.camera());
    assertEquals(20, mix.framesPerSequence());
    assertEquals(0.0, mix.timeOfDay().share("daytime"));
  }

  @Test
  void aNegativeWeightNamesTheFileTheFieldAndTheValue() throws Exception {
    Path file = write("timeOfDay: {daytime: 90, night: -1}\nweather: {clear: 1}\n"
        + "sceneType: {highway: 1}\n");

    assertEquals(file + ": timeOfDay weights must be non-negative numbers, night is -1",
        error(file));
  }

  @Test
  void unknownKeysAreErrorsNamingTheKey() throws Exception {
    String conditions = "timeOfDay: {night: 1}\nweather: {clear: 1}\nsceneType: {highway: 1}\n";
    Path topLevel = write(conditions + "egoSpeeed: {min: 1, max: 2}\n");
    assertTrue(error(topLevel).startsWith(topLevel + ": unknown field 'egoSpeeed'"));
    Path nested = write(conditions + "camera: {focal: 200}\n");
    assertTrue(error(nested).startsWith(nested + ": unknown field 'camera.focal'"));
    Path weather = write("timeOfDay: {night: 1}\nweather: {snowy: 1}\nsceneType: {highway: 1}\n");
    assertEquals(weather + ": weather 'snowy' is not rendered by the generator, only [clear,"
        + " overcast, rainy, foggy]", error(weather));
    Path scene = write("timeOfDay: {night: 1}\nweather: {clear: 1}\nsceneType: {moon: 1}\n");
    assertTrue(error(scene).startsWith(scene + ": sceneType 'moon' is not one of"));
    Path classes = write(conditions + "classes: {tram: 1}\n");
    assertTrue(error(classes).startsWith(classes + ": unknown field 'classes.tram'"));
  }

  @Test
  void badNumbersNameTheirField() throws Exception {
    String conditions = "timeOfDay: {night: 1}\nweather: {clear: 1}\nsceneType: {highway: 1}\n";
    Path speed = write(conditions + "egoSpeed: {min: 20, max: 5}\n");
    assertEquals(speed + ": field 'egoSpeed' has min 20.0 above max 5.0", error(speed));
    Path height = write(conditions + "camera: {height: tall}\n");
    assertEquals(height + ": field 'camera.height' must be a number, got \"tall\"",
        error(height));
    Path frames = write(conditions + "framesPerSequence: 2.5\n");
    assertEquals(frames + ": field 'framesPerSequence' must be a whole number, got 2.5",
        error(frames));
    Path missing = write("timeOfDay: {night: 1}\nweather: {clear: 1}\n");
    assertTrue(error(missing).startsWith(missing + ": field 'sceneType' must map"));
    Path zero = write("timeOfDay: {night: 0}\nweather: {clear: 1}\nsceneType: {highway: 1}\n");
    assertEquals(zero + ": timeOfDay weights must not all be 0", error(zero));
  }

  @Test
  void sampledConditionsFollowTheWeights() {
    ScenarioMix fleet = ScenarioMix.load(locate("configs/collect/fleet.yaml"));
    ConditionSampler sampler = new ConditionSampler(fleet);
    Map<String, Integer> counts = new HashMap<>();
    int sequences = 100_000;
    for (int i = 0; i < sequences; i++) {
      var scene = sampler.sample(DriveLogGenerator.sequenceRandom(7, i));
      counts.merge(scene.timeOfDay(), 1, Integer::sum);
      counts.merge(scene.weather(), 1, Integer::sum);
      counts.merge(scene.sceneType(), 1, Integer::sum);
    }
    // Four standard deviations of a binomial count at these shares stay under 0.4 points.
    assertEquals(0.90, counts.get("daytime") / (double) sequences, 0.004);
    assertEquals(0.04, counts.get("night") / (double) sequences, 0.004);
    assertEquals(0.03, counts.get("foggy") / (double) sequences, 0.004);
    assertEquals(0.10, counts.get("rainy") / (double) sequences, 0.004);
    assertEquals(0.25, counts.get("highway") / (double) sequences, 0.006);
  }

  @Test
  void weightsPickInProportion() {
    Weights weights = new Weights(java.util.List.of("a", "b"), java.util.List.of(1.0, 3.0));
    Random random = new Random(3);
    int b = 0;
    for (int i = 0; i < 40_000; i++) {
      b += weights.pick(random).equals("b") ? 1 : 0;
    }
    assertEquals(0.75, b / 40_000.0, 0.01);
  }

  private String error(Path file) {
    return assertThrows(UserInputException.class, () -> ScenarioMix.load(file)).getMessage();
  }

  private Path write(String yaml) throws Exception {
    Path file = Files.createTempFile(dir, "mix", ".yaml");
    Files.writeString(file, yaml);
    return file;
  }

}
