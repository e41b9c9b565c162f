package io.admlops.activities.formats;

import static io.admlops.activities.RepositoryFiles.locate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.schemas.UserInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The shipped definition configs/datasets/driving-2d.yaml maps the open datasets' classes. */
class DrivingTaxonomyTest {

  private static final Path DEFINITION = locate("configs/datasets/driving-2d.yaml");

  @TempDir Path dir;

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"Car, car", "Van, car", "Person_sitting, pedestrian", "Cyclist, cyclist",
      "rider, cyclist", "traffic light, traffic_light", "vehicle.bus.rigid, bus",
      "human.pedestrian.child, pedestrian", "motorbike, motorcycle", "DontCare, DontCare"})
  void mapsEachSourceClassOntoTheTaxonomy(String source, String expected) {
    assertEquals(expected, Taxonomy.of(DatasetDefinition.load(DEFINITION)).resolve(source)
        .category());
  }

  @Test
  void dropsWhatTheFrontCameraDetectorDoesNotLearnAndRejectsTheUnknown() {
    Taxonomy taxonomy = Taxonomy.of(DatasetDefinition.load(DEFINITION));

    assertTrue(taxonomy.resolve("Misc").known());
    assertFalse(taxonomy.resolve("Misc").kept());
    assertFalse(taxonomy.resolve("movable_object.trafficcone").kept());
    assertFalse(taxonomy.resolve("zebra").known());
    assertEquals(List.of("car", "truck", "bus", "pedestrian", "cyclist", "motorcycle",
        "traffic_light", "traffic_sign"), taxonomy.classes());
  }

  @Test
  void aMapTargetOutsideTheClassesNamesTheEntry() throws Exception {
    Path bad = dir.resolve("definition.yaml");
    Files.writeString(bad, "name: x\nclasses: [car]\nmap:\n  Van: vehicle\n");

    UserInputException e = assertThrows(UserInputException.class,
        () -> DatasetDefinition.load(bad));

    assertEquals(bad + ": map.Van -> 'vehicle' is not one of classes [car]", e.getMessage());
  }

}
