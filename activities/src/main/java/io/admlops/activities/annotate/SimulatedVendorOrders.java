package io.admlops.activities.annotate;

/**
 * Where the loop hands the simulated labeling vendor its orders. The vendor delivers later,
 * on its own time, the way an external vendor would: labels in the job folder and a signed
 * call to the webhook. The worker process implements it; it knows where its webhook is.
 */
@FunctionalInterface
public interface SimulatedVendorOrders {

  /**
   * Takes an order and returns at once. An order for a delivery already owed or already made
   * changes nothing.
   */
  void place(SimulatedVendorOrder order);
}
