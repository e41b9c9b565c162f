package io.admlops.activities.modelzoo;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Everything the registry knows about where one model version came from and what happened to
 * it since: the data, config, code and run that made it, its evaluations per slice, and the
 * aliases that point or pointed at it.
 *
 * @param version the version, {@code model:version}
 * @param registeredAt when it was registered
 * @param codeVersion the commit of the admlops build that trained it, or {@code unknown}
 * @param paramsSha256 SHA-256 of its weights file
 * @param folder its model zoo folder
 * @param config the resolved config it was trained with
 * @param trainedOn the dataset version it was trained on
 * @param dataAncestry the versions that one was built over, its parent first
 * @param run the training run that produced it, or null when it was registered without one
 * @param evaluations its evaluations, newest first
 * @param aliases the aliases pointing at it now
 * @param aliasHistory every move of an alias to or from it, oldest first
 * @param onnx its ONNX export in the folder, or null when it was never exported
 * @param card its model card
 */
public record ModelLineage(String version, OffsetDateTime registeredAt, String codeVersion,
    String paramsSha256, String folder, Config config, DataVersion trainedOn,
    List<DataVersion> dataAncestry, Run run, List<Evaluation> evaluations,
    List<String> aliases, List<AliasMove> aliasHistory, String onnx, String card) {

  public ModelLineage {
    dataAncestry = List.copyOf(dataAncestry);
    evaluations = List.copyOf(evaluations);
    aliases = List.copyOf(aliases);
    aliasHistory = List.copyOf(aliasHistory);
  }

  /**
   * @param sha256 the hash of the resolved config, {@code ModelConfig.hash()}; null for
   *     versions registered before the registry recorded it
   * @param file the resolved config file in the version's folder
   */
  public record Config(String sha256, String file) {}

  /**
   * A dataset version as lineage shows it.
   *
   * @param dataset the dataset's name
   * @param version its number
   * @param frames frames in it
   * @param objects labeled objects in those frames
   * @param contentSha256 the hash over its frames and labels
   * @param note what created it: an import, a loop iteration's labels; or null
   */
  public record DataVersion(String dataset, int version, int frames, int objects,
      String contentSha256, String note) {

    /** {@code dataset:v3}, as the dataset commands print it. */
    public String label() {
      return dataset + ":v" + version;
    }
  }

  /**
   * @param id the run's id
   * @param runKey the run's key, also its folder's name
   * @param status running, completed or failed
   * @param device what it trained on
   * @param seed its random seed
   * @param epochs epochs it recorded
   * @param lastValMap the validation mAP of its last epoch that measured one, or null
   */
  public record Run(long id, String runKey, String status, String device, long seed,
      int epochs, Double lastValMap) {}

  /**
   * One evaluation of the version.
   *
   * @param id its row
   * @param data the dataset version scored, {@code dataset:v3}
   * @param split the split scored
   * @param protocol coco or kitti
   * @param map overall mAP
   * @param evaluatedAt when it was stored
   * @param slices its slices, by key
   */
  public record Evaluation(long id, String data, String split, String protocol, double map,
      OffsetDateTime evaluatedAt, List<Slice> slices) {

    public Evaluation {
      slices = List.copyOf(slices);
    }
  }

  /**
   * @param key e.g. {@code timeofday=night}
   * @param frames frames in the slice
   * @param objects labeled objects in them
   * @param map its mAP, or null when it has no labeled object
   */
  public record Slice(String key, int frames, int objects, Double map) {}

  /**
   * One move of an alias.
   *
   * @param alias e.g. production
   * @param from the version it pointed at before, or null for its first move
   * @param to the version it was moved to
   * @param actor who moved it
   * @param reason why
   * @param movedAt when
   */
  public record AliasMove(String alias, String from, String to, String actor, String reason,
      OffsetDateTime movedAt) {}
}
