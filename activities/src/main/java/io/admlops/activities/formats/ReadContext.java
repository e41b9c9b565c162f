package io.admlops.activities.formats;

/**
 * What a reader needs besides the source: where to report problems and how to name classes.
 *
 * @param problems the log every problem goes to
 * @param taxonomy maps the source's class names to the dataset's
 */
public record ReadContext(ProblemLog problems, Taxonomy taxonomy) {

  /** A context that keeps the source's class names. */
  public static ReadContext keepingSourceClasses() {
    return new ReadContext(new ProblemLog(), Taxonomy.SOURCE);
  }
}
