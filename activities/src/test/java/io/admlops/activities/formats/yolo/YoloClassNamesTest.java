package io.admlops.activities.formats.yolo;

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

class YoloClassNamesTest {

  @TempDir
  Path folder;

  @Test
  void readsNamesFromADataYamlList() throws IOException {
    Files.writeString(folder.resolve("data.yaml"), "names: [car, pedestrian]\n");

    assertEquals(List.of("car", "pedestrian"), YoloClassNames.read(folder));
  }

  @Test
  void readsNamesFromADataYamlMapInIdOrder() throws IOException {
    Files.writeString(folder.resolve("data.yaml"), "names:\n  1: pedestrian\n  0: car\n");

    assertEquals(List.of("car", "pedestrian"), YoloClassNames.read(folder));
  }

  @Test
  void prefersDataYamlOverClassesTxt() throws IOException {
    Files.writeString(folder.resolve("data.yaml"), "names: [car]\n");
    Files.writeString(folder.resolve("classes.txt"), "truck\n");

    assertEquals(List.of("car"), YoloClassNames.read(folder));
  }

  @Test
  void readsClassesTxtIgnoringTrailingBlankLines() throws IOException {
    Files.writeString(folder.resolve("classes.txt"), "car\ntraffic light\n\n\n");

    assertEquals(List.of("car", "traffic light"), YoloClassNames.read(folder));
  }

  @Test
  void aBlankLineInsideClassesTxtIsAnErrorAtItsLine() throws IOException {
    Path classes = Files.writeString(folder.resolve("classes.txt"), "car\n\npedestrian\n");

    UserInputException e = assertThrows(UserInputException.class,
        () -> YoloClassNames.read(folder));

    assertTrue(e.getMessage().startsWith(classes + ":2: blank line"), e.getMessage());
  }

  @Test
  void aMapKeyThatIsNoClassIdIsAnErrorNamingTheKey() throws IOException {
    Path yaml = Files.writeString(folder.resolve("data.yaml"), "names:\n  0: car\n  5: bus\n");

    UserInputException e = assertThrows(UserInputException.class,
        () -> YoloClassNames.read(folder));

    assertTrue(e.getMessage().startsWith(yaml + ": names.5 is not a class id"),
        e.getMessage());
  }

  @Test
  void namesThatAreNeitherListNorMapAreAnErrorNamingTheField() throws IOException {
    Path yaml = Files.writeString(folder.resolve("data.yaml"), "nc: 2\nnames: car\n");

    UserInputException e = assertThrows(UserInputException.class,
        () -> YoloClassNames.read(folder));

    assertTrue(e.getMessage().startsWith(yaml + ": field 'names'"), e.getMessage());
  }

  @Test
  void aNameThatIsNotTextIsAnErrorNamingItsPosition() throws IOException {
    Path yaml = Files.writeString(folder.resolve("data.yaml"), "names: [car, [a, b]]\n");

    UserInputException e = assertThrows(UserInputException.class,
        () -> YoloClassNames.read(folder));

    assertTrue(e.getMessage().startsWith(yaml + ": names[1] must be a class name"),
        e.getMessage());
  }

  @Test
  void malformedYamlIsAnErrorAtItsLine() throws IOException {
    Path yaml = Files.writeString(folder.resolve("data.yaml"), "train: images\nnames: [car\n");

    UserInputException e = assertThrows(UserInputException.class,
        () -> YoloClassNames.read(folder));

    assertTrue(e.getMessage().matches("\\Q" + yaml + "\\E:\\d+: .*"), e.getMessage());
  }

  @Test
  void anEmptyNameListIsAnErrorNamingTheFile() throws IOException {
    Path yaml = Files.writeString(folder.resolve("data.yaml"), "names: []\n");

    UserInputException e = assertThrows(UserInputException.class,
        () -> YoloClassNames.read(folder));

    assertEquals(yaml + ": field 'names' is empty", e.getMessage());
  }

  @Test
  void anEmptyClassesTxtIsAnErrorNamingTheFile() throws IOException {
    Path classes = Files.writeString(folder.resolve("classes.txt"), "\n");

    UserInputException e = assertThrows(UserInputException.class,
        () -> YoloClassNames.read(folder));

    assertEquals(classes + ": no class names", e.getMessage());
  }
}
