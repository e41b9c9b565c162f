package io.admlops.workers.stack;

import io.admlops.schemas.UserInputException;
import io.admlops.workflows.PayloadConverter;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A verified connection to a Temporal service and a client that speaks the project's JSON. */
public final class TemporalConnection implements AutoCloseable {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final String address;
  private final WorkflowServiceStubs service;
  private final WorkflowClient client;

  private TemporalConnection(String address, WorkflowServiceStubs service, WorkflowClient client) {
    this.address = address;
    this.service = service;
    this.client = client;
  }

  /**
   * Connects and checks the service answers.
   *
   * @throws UserInputException when nothing answers at the address, naming it
   */
  public static TemporalConnection open(String address, String namespace) {
    WorkflowServiceStubs service;
    try {
      service = WorkflowServiceStubs.newConnectedServiceStubs(
          WorkflowServiceStubsOptions.newBuilder().setTarget(address).build(), CONNECT_TIMEOUT);
    } catch (RuntimeException e) {
      throw new UserInputException("cannot reach Temporal at " + address + " (is `admlops up` "
          + "or scripts/temporal-dev-server running?): " + e.getMessage(), e);
    }
    WorkflowClient client = WorkflowClient.newInstance(service,
        WorkflowClientOptions.newBuilder()
            .setNamespace(namespace)
            .setDataConverter(PayloadConverter.dataConverter())
            .build());
    return new TemporalConnection(address, service, client);
  }

  public String address() {
    return address;
  }

  public WorkflowClient client() {
    return client;
  }

  @Override
  public void close() {
    service.shutdown();
    service.awaitTermination(5, TimeUnit.SECONDS);
  }
}
