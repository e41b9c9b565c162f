package io.admlops.activities.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.schemas.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotationStandardTest {

  @TempDir Path dir;

  @Test
  void readsTheDrivingDefinitionsAnnotationStandard() {
    AnnotationStandard standard = LabelingBatches.drivingStandard();

    assertEquals(8, standard.classDescriptions().size());
    assertEquals(2.0, standard.minBoxHeight());
    assertEquals(4, standard.boxRules().size());
    assertEquals(new AttributeSpec("truncation",
        "Whether part of the object lies outside the image.",
        List.of("not truncated", "truncated")), standard.attributes().get(1));
  }

  @Test
  void definitionWithoutAnnotationSectionHasOnlyItsClasses() throws IOException {
    Path file = Files.writeString(dir.resolve("d.yaml"), "name: d\nclasses: [car, bus]\n");

    AnnotationStandard standard = AnnotationStandard.load(file);

    assertEquals(List.of("car", "bus"), standard.classes());
    assertTrue(standard.attributes().isEmpty());
    assertEquals(0.0, standard.minBoxHeight());
  }

  @Test
  void describingAClassOutsideTheTaxonomyNamesTheFileAndField() throws IOException {
    Path file = Files.writeString(dir.resolve("d.yaml"), "name: d\nclasses: [car]\n"
        + "annotation:\n  classes:\n    dog: A dog.\n");

    UserInputException e = assertThrows(UserInputException.class,
        () -> AnnotationStandard.load(file));

    assertEquals(file + ": annotation.classes.dog is not one of classes [car]", e.getMessage());
  }

  @Test
  void occlusionLevelsBeyondKittisCodesAreRefused() throws IOException {
    Path file = Files.writeString(dir.resolve("d.yaml"), "name: d\nclasses: [car]\n"
        + "annotation:\n  attributes:\n    occlusion:\n      description: Hidden.\n"
        + "      values: [a, b, c, d, e]\n");

    UserInputException e = assertThrows(UserInputException.class,
        () -> AnnotationStandard.load(file));

    assertTrue(e.getMessage().startsWith(file + ": annotation.attributes.occlusion.values are "
        + "KITTI's occlusion codes"), e.getMessage());
  }
}
