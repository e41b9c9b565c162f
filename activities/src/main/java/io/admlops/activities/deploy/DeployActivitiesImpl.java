package io.admlops.activities.deploy;

import io.admlops.activities.datasets.DatasetRegistry;
import io.admlops.activities.datasets.Split;
import io.admlops.activities.export.OnnxExport;
import io.admlops.activities.export.ParityReport;
import io.admlops.activities.model.ComputeDevice;
import io.admlops.activities.modelcard.ModelCardWriter;
import io.admlops.activities.modelzoo.ModelVersion;
import io.admlops.activities.modelzoo.ModelVersions;
import io.admlops.activities.predict.ImageFolder;
import io.admlops.schemas.UserInputException;
import io.admlops.schemas.frame.Frame;
import io.admlops.workflows.deploy.DeployActivities;
import io.admlops.workflows.deploy.ExportCheck;
import io.admlops.workflows.deploy.ExportRequest;
import io.temporal.failure.ApplicationFailure;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;

/**
 * The deploy stage's export on the cpu queue: {@link OnnxExport#exportAndVerify} on the first
 * frames of the split the candidate was evaluated on, then the version's model card is
 * refreshed to name its export. An export is written under the version's folder only when it
 * passes, so a retry redoes the same work and finds the same answer. A request no retry can
 * fix (an unknown model or dataset version, an empty split) fails as
 * {@value #INVALID_REQUEST}.
 */
public class DeployActivitiesImpl implements DeployActivities {

  /** The failure type of a request that cannot succeed however often it is retried. */
  public static final String INVALID_REQUEST = "InvalidDeployRequest";

  private final DSLContext dsl;
  private final DatasetRegistry datasets;
  private final ComputeDevice device;

  /** @param device where DJL runs the detector the export is checked against */
  public DeployActivitiesImpl(DSLContext dsl, DatasetRegistry datasets, ComputeDevice device) {
    this.dsl = dsl;
    this.datasets = datasets;
    this.device = device;
  }

  @Override
  public ExportCheck exportAndCheck(ExportRequest request) {
    try {
      ModelVersion version = new ModelVersions(dsl).resolve(request.model());
      ParityReport report = new OnnxExport(device).exportAndVerify(version, frames(request));
      if (!report.passed()) {
        return new ExportCheck(version.label(), false, report.frames(), null,
            report.failures());
      }
      new ModelCardWriter(dsl, datasets).write(version);
      return new ExportCheck(version.label(), true, report.frames(),
          OnnxExport.file(version).toUri().toString(), agreement(report));
    } catch (UserInputException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), INVALID_REQUEST);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first frames of the split, in the version's order, so a retry checks the same. */
  private List<BufferedImage> frames(ExportRequest request) throws IOException {
    if (request.frames() < 1) {
      throw new UserInputException("frames: " + request.frames() + "; at least 1 is needed");
    }
    List<Frame> split = datasets.splitFrames(request.dataset(), request.datasetVersion(),
        Split.named(request.split()));
    if (split.isEmpty()) {
      throw new UserInputException("dataset " + request.dataset() + ":"
          + request.datasetVersion() + " has no frames in its " + request.split() + " split");
    }
    List<BufferedImage> images = new ArrayList<>();
    for (Frame frame : split.subList(0, Math.min(request.frames(), split.size()))) {
      images.add(ImageFolder.read(Path.of(frame.image().uri())));
    }
    return images;
  }

  /** How closely the export matched, for the iteration's reasons. */
  private static List<String> agreement(ParityReport report) {
    List<String> lines = new ArrayList<>();
    report.outputDifferences().forEach((output, difference) -> lines.add(String.format(
        Locale.ROOT, "%s within %.2e (allowed %.0e)", output, difference,
        ParityReport.OUTPUT_TOLERANCE)));
    lines.add(String.format(Locale.ROOT, "%d detections on both sides, boxes within %.2e px, "
        + "scores within %.2e, near-ties %s", report.djlDetections(),
        report.boxDifference(), report.scoreDifference(), report.describeExcusedNearTies()));
    return lines;
  }
}
