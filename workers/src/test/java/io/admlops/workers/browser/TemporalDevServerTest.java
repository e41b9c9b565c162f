package io.admlops.workers.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.admlops.activities.RepositoryFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TemporalDevServerTest {

  @Test
  void registersTheSearchAttributesTheDevServerScriptRegisters() throws IOException {
    String script = Files.readString(RepositoryFiles.locate("scripts/temporal-dev-server"));
    Matcher registered = Pattern.compile("--search-attribute (\\S+)").matcher(script);
    List<String> scripted = new ArrayList<>();
    while (registered.find()) {
      scripted.add(registered.group(1));
    }

    assertEquals(scripted, TemporalDevServer.searchAttributes());
  }
}
