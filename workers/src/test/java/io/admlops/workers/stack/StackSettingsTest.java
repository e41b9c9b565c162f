package io.admlops.workers.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.admlops.schemas.UserInputException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StackSettingsTest {

  @Test
  void everythingLivesUnderAdmlopsHomeWhenNothingElseIsNamed() {
    StackSettings s = StackSettings.resolve(null, null, null, Map.of("ADMLOPS_HOME", "/srv/adm"));

    assertEquals(Path.of("/srv/adm/datasets"), s.storage().datasets());
    assertEquals(Path.of("/srv/adm/modelzoo"), s.storage().modelZoo());
    assertEquals(Path.of("/srv/adm/postgres/data"), s.postgresData());
    assertEquals(Optional.empty(), s.temporalAddress());
    assertEquals(Optional.empty(), s.database());
    assertEquals("default", s.namespace());
    assertEquals("127.0.0.1:7233", s.temporalAddressOrDefault());
  }

  @Test
  void environmentNamesExternalServicesAndStores() {
    StackSettings s = StackSettings.resolve(null, null, null, Map.of(
        "DATASET", "/mnt/shared/datasets",
        "MODELZOO", "/mnt/shared/modelzoo",
        "TEMPORAL_ADDRESS", "temporal.internal:7233",
        "TEMPORAL_NAMESPACE", "perception",
        "ADMLOPS_DB_URL", "jdbc:postgresql://db.internal:5432/admlops",
        "ADMLOPS_DB_USER", "loop"));

    assertEquals(Path.of("/mnt/shared/datasets"), s.storage().datasets());
    assertEquals(Path.of("/mnt/shared/modelzoo"), s.storage().modelZoo());
    assertEquals(Optional.of("temporal.internal:7233"), s.temporalAddress());
    assertEquals("perception", s.namespace());
    assertEquals("jdbc:postgresql://db.internal:5432/admlops", s.database().orElseThrow().jdbcUrl());
    assertEquals("loop", s.database().orElseThrow().user());
  }

  @Test
  void flagsWinOverTheEnvironment() {
    StackSettings s = StackSettings.resolve("127.0.0.1:7234", "jdbc:postgresql://localhost/x",
        "flagged", Map.of("TEMPORAL_ADDRESS", "elsewhere:7233",
            "ADMLOPS_DB_URL", "jdbc:postgresql://elsewhere/y", "TEMPORAL_NAMESPACE", "env"));

    assertEquals(Optional.of("127.0.0.1:7234"), s.temporalAddress());
    assertEquals("jdbc:postgresql://localhost/x", s.database().orElseThrow().jdbcUrl());
    assertEquals("flagged", s.namespace());
  }

  @Test
  void aTemporalAddressWithoutPortIsRefusedNamingTheSetting() {
    UserInputException e = assertThrows(UserInputException.class,
        () -> StackSettings.resolve("temporal.internal", null, null, Map.of()));

    assertEquals("--temporal / TEMPORAL_ADDRESS: expected host:port, got 'temporal.internal'",
        e.getMessage());
  }

  @Test
  void aDatabaseUrlThatIsNotPostgresJdbcIsRefusedWithoutItsPassword() {
    UserInputException e = assertThrows(UserInputException.class, () -> StackSettings.resolve(
        null, "postgres://db/admlops?password=hunter2", null, Map.of()));

    assertTrue(e.getMessage().startsWith("--db-url / ADMLOPS_DB_URL: database URL must start "
        + "with jdbc:postgresql:"), e.getMessage());
    assertTrue(!e.getMessage().contains("hunter2"), e.getMessage());
  }
}
