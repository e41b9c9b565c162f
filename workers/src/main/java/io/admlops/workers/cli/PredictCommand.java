package io.admlops.workers.cli;

import io.admlops.activities.model.ComputeDevice;
import io.admlops.activities.modelzoo.ModelVersion;
import io.admlops.activities.modelzoo.ModelVersions;
import io.admlops.activities.predict.Prediction;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code admlops predict}: a registered model's detections on a folder of images. */
@Command(name = "predict", mixinStandardHelpOptions = true,
    description = {
        "Runs a registered model version over the PNG and JPEG images of a folder and writes",
        "its detections in the COCO results format, ready for 'admlops eval coco'."})
class PredictCommand implements Callable<Integer> {

  @Option(names = "--model", required = true, paramLabel = "MODEL[:VERSION|@ALIAS]",
      description = "E.g. centernet-tiny:2, centernet-tiny@production, or a model name "
          + "for its newest version.")
  String model;
  @Option(names = "--images", required = true, paramLabel = "DIR") Path images;
  @Option(names = "--out", required = true, paramLabel = "DT.json") Path out;
  @Option(names = "--ids-from", paramLabel = "GT.json",
      description = {"A COCO instances file whose ids to use: images by file_name, classes",
          "by category name. Without it images are numbered from 1 in file-name order and",
          "classes from 1 in the model's class order."})
  Path idsFrom;
  @Mixin DatabaseOptions database;
  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter console = spec.commandLine().getOut();
    try (RegistrySession session = RegistrySession.open(database.url, null)) {
      ModelVersion version = new ModelVersions(session.database().dsl()).resolve(model);
      Prediction.Summary summary = new Prediction(version, ComputeDevice.local())
          .run(images, out, idsFrom);
      console.println(version.label() + ": " + summary.detections() + " detections on "
          + summary.images() + " images written to " + out);
      if (!summary.leftOut().isEmpty()) {
        console.println("left out, no such category in " + idsFrom + ": "
            + summary.leftOut());
      }
      return 0;
    }
  }
}
