package io.admlops.workers.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.admlops.activities.store.DatabaseTarget;
import io.admlops.activities.store.TestDatabase;
import org.junit.jupiter.api.Test;

/** What {@code admlops serve} refuses before it listens, each in one line. */
class ServeCommandTest {

  @Test
  void anUnknownBackendIsRefusedNamingTheChoices() {
    CliRun serve = CliRun.of("serve", "--model", "tiny-test@production", "--backend",
        "tensorrt");

    assertEquals(2, serve.exitCode());
    assertEquals("admlops: --backend 'tensorrt': expected one of onnx, djl",
        serve.err().strip());
  }

  @Test
  void anUnknownModelIsRefused() {
    DatabaseTarget target = TestDatabase.freshSchema();
    String dbUrl = target.jdbcUrl() + "&user=" + target.user()
        + (target.password() == null ? "" : "&password=" + target.password());

    CliRun serve = CliRun.of("serve", "--model", "nothing@production", "--port", "0",
        "--db-url", dbUrl);

    assertEquals(2, serve.exitCode());
    assertEquals("admlops: model 'nothing@production' is not registered; no model is named "
        + "'nothing'", serve.err().strip());
  }

  @Test
  void aBatchOfNoRequestsIsRefused() {
    CliRun serve = CliRun.of("serve", "--model", "tiny-test@production", "--max-batch", "0");

    assertEquals(2, serve.exitCode());
    assertEquals("admlops: --max-batch 0: expected at least 1", serve.err().strip());
  }
}
