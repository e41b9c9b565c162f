package io.admlops.activities.evaluate.kitti;

/**
 * The classes of the KITTI 2D object benchmark, each with the overlap a detection needs to
 * count as found and the neighbouring class whose objects are neither required nor penalised
 * (a detector that calls a van a car is not wrong, and one that misses it is not either).
 */
public enum KittiClass {
  CAR("Car", 0.7, "Van"),
  PEDESTRIAN("Pedestrian", 0.5, "Person_sitting"),
  CYCLIST("Cyclist", 0.5, null);

  private final String label;
  private final double minOverlap;
  private final String neighbour;

  KittiClass(String label, double minOverlap, String neighbour) {
    this.label = label;
    this.minOverlap = minOverlap;
    this.neighbour = neighbour;
  }

  /** The type as KITTI writes it, e.g. {@code Car}. */
  public String label() {
    return label;
  }

  /**
   * The overlap a detection must exceed: IoU with a ground-truth box to match it, and its
   * share inside a DontCare region to be excused.
   */
  public double minOverlap() {
    return minOverlap;
  }

  /** Whether a label or result type names this class; the devkit ignores case. */
  boolean is(String type) {
    return label.equalsIgnoreCase(type);
  }

  /** Whether a ground-truth type is this class's neighbour (Van for Car). */
  boolean isNeighbour(String type) {
    return neighbour != null && neighbour.equalsIgnoreCase(type);
  }
}
