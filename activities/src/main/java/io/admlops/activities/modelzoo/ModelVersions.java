package io.admlops.activities.modelzoo;

import static io.admlops.schemas.db.Tables.MODEL;
import static io.admlops.schemas.db.Tables.MODEL_ALIAS;
import static io.admlops.schemas.db.Tables.MODEL_VERSION;
import static org.jooq.impl.DSL.max;

import io.admlops.schemas.UserInputException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.Record;

/**
 * The {@code model_version} table: registers trained weights as the next version of their
 * model, once, and finds a version by the name a user gives.
 */
public final class ModelVersions {

  /** The resolved config in a version's folder. */
  public static final String CONFIG = "config.yaml";
  /** The final weights in a version's folder. */
  public static final String PARAMETERS = "detector.params";
  /** The ONNX export in a version's folder, written once it passed its parity check. */
  public static final String ONNX = "model.onnx";
  /** The generated model card in a version's folder. */
  public static final String CARD = "MODEL_CARD.md";

  /** {@code name:3}, {@code name@production} or a bare name for its newest version. */
  private static final Pattern REFERENCE =
      Pattern.compile("(?<model>[^:@\\s]+)(?::(?<version>\\d+)|@(?<alias>[a-z][a-z0-9-]*))?");

  private final DSLContext dsl;

  public ModelVersions(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * What to register.
   *
   * @param model the model's name; its row must exist (a training run creates it)
   * @param datasetVersionId the dataset version it was trained on
   * @param trainingRunId the run that produced it
   * @param configJson the resolved config as JSON
   * @param configSha256 the resolved config's hash, {@code ModelConfig.hash()}
   * @param codeVersion the commit of the admlops build that trained it, {@link SourceCommit}
   * @param folder its model zoo folder
   * @param paramsHash SHA-256 of its weights
   */
  public record Registration(String model, long datasetVersionId, long trainingRunId,
      String configJson, String configSha256, String codeVersion, Path folder,
      String paramsHash) {}

  /**
   * Registers weights as the model's next version, or returns the version that already holds
   * the same weights, so a retried training activity never adds a second one. Concurrent
   * registrations of one model wait for each other on the model's row.
   */
  public ModelVersion register(Registration registration) {
    return dsl.transactionResult(tx -> {
      DSLContext q = tx.dsl();
      Record existing = q.select(MODEL_VERSION.ID, MODEL_VERSION.VERSION)
          .from(MODEL_VERSION).where(MODEL_VERSION.PARAMS_HASH.eq(registration.paramsHash()))
          .fetchOne();
      if (existing != null) {
        return find(q, existing.get(MODEL_VERSION.ID));
      }
      long modelId = q.select(MODEL.ID).from(MODEL).where(MODEL.NAME.eq(registration.model()))
          .forUpdate().fetchOptional(MODEL.ID)
          .orElseThrow(() -> new IllegalStateException("model " + registration.model()
              + " has no row; its training run creates it"));
      Integer newest = q.select(max(MODEL_VERSION.VERSION)).from(MODEL_VERSION)
          .where(MODEL_VERSION.MODEL_ID.eq(modelId)).fetchOne(0, Integer.class);
      long id = q.insertInto(MODEL_VERSION)
          .set(MODEL_VERSION.MODEL_ID, modelId)
          .set(MODEL_VERSION.VERSION, newest == null ? 1 : newest + 1)
          .set(MODEL_VERSION.DATASET_VERSION_ID, registration.datasetVersionId())
          .set(MODEL_VERSION.TRAINING_RUN_ID, registration.trainingRunId())
          .set(MODEL_VERSION.CONFIG, JSONB.valueOf(registration.configJson()))
          .set(MODEL_VERSION.CONFIG_SHA256, registration.configSha256())
          .set(MODEL_VERSION.CODE_VERSION, registration.codeVersion())
          .set(MODEL_VERSION.ARTIFACT_URI, registration.folder().toUri().toString())
          .set(MODEL_VERSION.PARAMS_HASH, registration.paramsHash())
          .returning(MODEL_VERSION.ID).fetchOne().getId();
      return find(q, id);
    });
  }

  /**
   * The version a user names: {@code model:3}, {@code model@alias}, or {@code model} for its
   * newest version.
   *
   * @throws UserInputException when the name is malformed or names nothing registered
   */
  public ModelVersion resolve(String reference) {
    Matcher m = REFERENCE.matcher(reference);
    if (!m.matches()) {
      throw new UserInputException("model '" + reference + "': expected NAME, NAME:VERSION "
          + "or NAME@ALIAS");
    }
    String model = m.group("model");
    Long id;
    if (m.group("version") != null) {
      id = dsl.select(MODEL_VERSION.ID).from(MODEL_VERSION).join(MODEL)
          .on(MODEL.ID.eq(MODEL_VERSION.MODEL_ID))
          .where(MODEL.NAME.eq(model),
              MODEL_VERSION.VERSION.eq(Integer.parseInt(m.group("version"))))
          .fetchOne(MODEL_VERSION.ID);
    } else if (m.group("alias") != null) {
      id = dsl.select(MODEL_ALIAS.MODEL_VERSION_ID).from(MODEL_ALIAS).join(MODEL)
          .on(MODEL.ID.eq(MODEL_ALIAS.MODEL_ID))
          .where(MODEL.NAME.eq(model), MODEL_ALIAS.ALIAS.eq(m.group("alias")))
          .fetchOne(MODEL_ALIAS.MODEL_VERSION_ID);
    } else {
      id = dsl.select(MODEL_VERSION.ID).from(MODEL_VERSION).join(MODEL)
          .on(MODEL.ID.eq(MODEL_VERSION.MODEL_ID)).where(MODEL.NAME.eq(model))
          .orderBy(MODEL_VERSION.VERSION.desc()).limit(1).fetchOne(MODEL_VERSION.ID);
    }
    if (id == null) {
      throw new UserInputException("model '" + reference + "' is not registered"
          + (dsl.fetchExists(MODEL, MODEL.NAME.eq(model)) ? ""
              : "; no model is named '" + model + "'"));
    }
    return find(dsl, id);
  }

  /** The version a reference names, or empty when nothing is registered under it. */
  public Optional<ModelVersion> find(String reference) {
    try {
      return Optional.of(resolve(reference));
    } catch (UserInputException e) {
      return Optional.empty();
    }
  }

  private static ModelVersion find(DSLContext q, long id) {
    Record r = q.select(MODEL_VERSION.ID, MODEL.NAME, MODEL_VERSION.VERSION,
            MODEL_VERSION.ARTIFACT_URI, MODEL_VERSION.PARAMS_HASH)
        .from(MODEL_VERSION).join(MODEL).on(MODEL.ID.eq(MODEL_VERSION.MODEL_ID))
        .where(MODEL_VERSION.ID.eq(id)).fetchSingle();
    return new ModelVersion(r.get(MODEL_VERSION.ID), r.get(MODEL.NAME),
        r.get(MODEL_VERSION.VERSION), Path.of(java.net.URI.create(
            r.get(MODEL_VERSION.ARTIFACT_URI))), r.get(MODEL_VERSION.PARAMS_HASH));
  }
}
