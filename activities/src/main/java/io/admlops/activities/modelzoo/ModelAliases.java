package io.admlops.activities.modelzoo;

import static io.admlops.schemas.db.Tables.MODEL;
import static io.admlops.schemas.db.Tables.MODEL_ALIAS;
import static io.admlops.schemas.db.Tables.MODEL_ALIAS_EVENT;
import static io.admlops.schemas.db.Tables.MODEL_VERSION;

import io.admlops.schemas.UserInputException;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The {@code model_alias} table and its history: moving an alias ({@code production},
 * {@code staging}, {@code candidate}) to a version records who moved it from where and why,
 * and a rollback moves it back to where the last move took it from. Older versions stay.
 */
public final class ModelAliases {

  private final DSLContext dsl;

  public ModelAliases(DSLContext dsl) {
    this.dsl = dsl;
  }

  /**
   * Points an alias at a version. Moving it where it already points changes nothing, so a
   * retried promotion adds no second event.
   *
   * @param reference the version, e.g. {@code centernet-tiny:3}
   * @return the version the alias pointed at before, {@code name:version}, or null
   * @throws UserInputException when the version is not registered
   */
  public String move(String reference, String alias, String actor, String reason) {
    ModelVersion target = new ModelVersions(dsl).resolve(reference);
    return dsl.transactionResult(configuration -> {
      DSLContext tx = DSL.using(configuration);
      Long modelId = tx.select(MODEL_VERSION.MODEL_ID).from(MODEL_VERSION)
          .where(MODEL_VERSION.ID.eq(target.id())).fetchSingle(MODEL_VERSION.MODEL_ID);
      Record current = tx.select(MODEL_ALIAS.MODEL_VERSION_ID).from(MODEL_ALIAS)
          .where(MODEL_ALIAS.MODEL_ID.eq(modelId), MODEL_ALIAS.ALIAS.eq(alias))
          .forUpdate().fetchOne();
      Long from = current == null ? null : current.get(MODEL_ALIAS.MODEL_VERSION_ID);
      if (from != null && from == target.id()) {
        return target.label();
      }
      tx.insertInto(MODEL_ALIAS)
          .set(MODEL_ALIAS.MODEL_ID, modelId)
          .set(MODEL_ALIAS.ALIAS, alias)
          .set(MODEL_ALIAS.MODEL_VERSION_ID, target.id())
          .onConflict(MODEL_ALIAS.MODEL_ID, MODEL_ALIAS.ALIAS).doUpdate()
          .set(MODEL_ALIAS.MODEL_VERSION_ID, target.id())
          .set(MODEL_ALIAS.UPDATED_AT, DSL.currentOffsetDateTime())
          .execute();
      tx.insertInto(MODEL_ALIAS_EVENT)
          .set(MODEL_ALIAS_EVENT.MODEL_ID, modelId)
          .set(MODEL_ALIAS_EVENT.ALIAS, alias)
          .set(MODEL_ALIAS_EVENT.FROM_MODEL_VERSION_ID, from)
          .set(MODEL_ALIAS_EVENT.TO_MODEL_VERSION_ID, target.id())
          .set(MODEL_ALIAS_EVENT.ACTOR, actor)
          .set(MODEL_ALIAS_EVENT.REASON, reason)
          .execute();
      return from == null ? null : label(tx, from);
    });
  }

  /**
   * Moves an alias back to the version its last move took it from; a second rollback undoes
   * the first.
   *
   * @param model the model's name
   * @return the version the alias points at now
   * @throws UserInputException when the alias was never moved, or its first move has
   *     nothing before it
   */
  public String rollback(String model, String alias, String actor, String reason) {
    Record last = dsl.select(MODEL_ALIAS_EVENT.FROM_MODEL_VERSION_ID)
        .from(MODEL_ALIAS_EVENT).join(MODEL).on(MODEL.ID.eq(MODEL_ALIAS_EVENT.MODEL_ID))
        .where(MODEL.NAME.eq(model), MODEL_ALIAS_EVENT.ALIAS.eq(alias))
        .orderBy(MODEL_ALIAS_EVENT.ID.desc()).limit(1).fetchOne();
    if (last == null) {
      throw new UserInputException(model + "@" + alias + " was never moved; nothing to roll "
          + "back");
    }
    Long previous = last.get(MODEL_ALIAS_EVENT.FROM_MODEL_VERSION_ID);
    if (previous == null) {
      throw new UserInputException(model + "@" + alias + " has pointed at one version only; "
          + "nothing to roll back to");
    }
    String target = label(dsl, previous);
    move(target, alias, actor, reason);
    return target;
  }

  private static String label(DSLContext q, long versionId) {
    Record r = q.select(MODEL.NAME, MODEL_VERSION.VERSION)
        .from(MODEL_VERSION).join(MODEL)
        .on(MODEL.ID.eq(MODEL_VERSION.MODEL_ID))
        .where(MODEL_VERSION.ID.eq(versionId)).fetchSingle();
    return r.get(MODEL.NAME) + ":" + r.get(MODEL_VERSION.VERSION);
  }
}
