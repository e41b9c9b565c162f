package io.admlops.workers.cli;

import io.admlops.activities.export.ParityFrames;
import io.admlops.activities.model.ComputeDevice;
import io.admlops.activities.modelzoo.ModelVersions;
import io.admlops.activities.serve.ServingBackend;
import io.admlops.schemas.UserInputException;
import io.admlops.workers.serve.AliasWatcher;
import io.admlops.workers.serve.DetectionService;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code admlops serve}: a registered detector behind an HTTP endpoint. */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = {
        "Serves a registered model version over HTTP: POST an image's bytes (PNG or JPEG) to",
        "/v1/detect for its detections as JSON, GET /healthz for the version served.",
        "Concurrent requests are batched. When the alias named by --model moves, the new",
        "version is loaded beside the old one and swapped in without failing a request."})
class ServeCommand implements Callable<Integer> {

  /** As many frames as `model export` checks a fresh export on, from the same generator. */
  private static final int PARITY_FRAMES = 8;
  private static final long PARITY_SEED = 1;

  @Option(names = "--model", required = true, paramLabel = "MODEL[@ALIAS|:VERSION]",
      description = "E.g. centernet-demo@production (followed as the alias moves), "
          + "centernet-demo:3 (that version only), or a model name for its newest version.")
  String model;
  @Option(names = "--port", defaultValue = "8090", paramLabel = "PORT",
      description = "0: any free port. Default: ${DEFAULT-VALUE}.")
  int port;
  @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
      description = "The address to listen on; 0.0.0.0 for every interface. "
          + "Default: ${DEFAULT-VALUE}.")
  String bind;
  @Option(names = "--backend", defaultValue = "onnx", paramLabel = "onnx|djl",
      description = {"onnx: ONNX Runtime on the version's model.onnx, exported and checked",
          "against DJL first when missing; djl: DJL on its weights. Default: ${DEFAULT-VALUE}."})
  String backend;
  @Option(names = "--max-batch", defaultValue = "8", paramLabel = "N",
      description = "The most requests one batch answers. Default: ${DEFAULT-VALUE}.")
  int maxBatch;
  @Option(names = "--batch-wait-ms", defaultValue = "5", paramLabel = "MS",
      description = "How long a batch waits for more requests after its first. "
          + "Default: ${DEFAULT-VALUE}.")
  int batchWaitMs;
  @Option(names = "--poll-seconds", defaultValue = "5", paramLabel = "S",
      description = "How often the registry is asked where --model points. "
          + "Default: ${DEFAULT-VALUE}.")
  int pollSeconds;
  @Option(names = "--check-mix", defaultValue = "configs/collect/fleet.yaml",
      paramLabel = "FILE",
      description = "The scenario mix of the frames a fresh ONNX export is checked on. "
          + "Default: ${DEFAULT-VALUE}.")
  Path checkMix;
  @Mixin DatabaseOptions database;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    ServingBackend runtime = ServingBackend.parse("--backend", backend);
    if (port < 0 || port > 65535) {
      throw new UserInputException("--port " + port + ": expected 0 to 65535");
    }
    DetectionService.Settings settings = new DetectionService.Settings(model, runtime.label(),
        new InetSocketAddress(address(), port), atLeast("--max-batch", maxBatch, 1),
        Duration.ofMillis(atLeast("--batch-wait-ms", batchWaitMs, 0)),
        Duration.ofSeconds(atLeast("--poll-seconds", pollSeconds, 1)));
    RegistrySession session = RegistrySession.open(database.url, null);
    DetectionService service;
    try {
      ComputeDevice device = ComputeDevice.local();
      AliasWatcher.Loader loader = version -> runtime.load(version, device, this::parityFrames);
      service = DetectionService.start(settings, new ModelVersions(session.database().dsl()),
          loader);
    } catch (BindException e) {
      session.close();
      throw new UserInputException("--bind " + bind + " --port " + port + ": cannot listen "
          + "there (" + e.getMessage() + "); is the port taken?");
    } catch (Exception e) {
      session.close();
      throw e;
    }
    ShutdownOnSignal.closeOnExit(() -> {
      try (session) {
        service.close();
      }
    });
    spec.commandLine().getOut().println("serving " + service.serving() + " with "
        + runtime.label() + " on " + service.url() + " (GET /healthz; following " + model
        + ")");
    spec.commandLine().getOut().flush();
    ShutdownOnSignal.awaitExit();
    return 0;
  }

  private InetAddress address() {
    try {
      return InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new UserInputException("--bind '" + bind + "': no such host or address");
    }
  }

  private List<BufferedImage> parityFrames() {
    try {
      return ParityFrames.generated(checkMix, PARITY_SEED, PARITY_FRAMES);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int atLeast(String flag, int value, int least) {
    if (value < least) {
      throw new UserInputException(flag + " " + value + ": expected at least " + least);
    }
    return value;
  }
}
