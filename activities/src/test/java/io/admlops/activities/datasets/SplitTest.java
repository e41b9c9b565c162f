package io.admlops.activities.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.activities.store.Sha256;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SplitTest {

  @Test
  void bucketsOfTheFirstEightHexDigitsDecideTheSplit() {
    assertEquals(Split.TRAIN, Split.of("00000000" + "0".repeat(56)));
    assertEquals(Split.TRAIN, Split.of("0000004f" + "f".repeat(56)));
    assertEquals(Split.VAL, Split.of("00000050" + "0".repeat(56)));
    assertEquals(Split.VAL, Split.of("00000059" + "0".repeat(56)));
    assertEquals(Split.TEST, Split.of("0000005a" + "0".repeat(56)));
    // ffffffff = 4294967295, bucket 95: read unsigned, never as a negative int.
    assertEquals(Split.TEST, Split.of("ffffffff" + "0".repeat(56)));
  }

  @Test
  void imageHashesSplitRoughlyEightyTenTen() {
    Map<Split, Integer> counts = new EnumMap<>(Split.class);
    for (int i = 0; i < 1000; i++) {
      counts.merge(Split.of(Sha256.of("image-" + i)), 1, Integer::sum);
    }

    assertTrue(counts.get(Split.TRAIN) >= 760 && counts.get(Split.TRAIN) <= 840, counts::toString);
    assertTrue(counts.get(Split.VAL) >= 70 && counts.get(Split.VAL) <= 130, counts::toString);
    assertTrue(counts.get(Split.TEST) >= 70 && counts.get(Split.TEST) <= 130, counts::toString);
  }

  @Test
  void splitsAreStoredUnderTheNamesTheSchemaAllows() {
    assertEquals("train", Split.TRAIN.column());
    assertEquals("val", Split.VAL.column());
    assertEquals("test", Split.TEST.column());
  }
}
