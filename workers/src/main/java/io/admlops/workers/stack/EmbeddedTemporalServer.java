package io.admlops.workers.stack;

import io.admlops.schemas.UserInputException;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.admlops.workflows.loop.LoopSearchAttributes;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.common.SearchAttributeKey;
import io.temporal.internal.testservice.TestServicesStarter;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Temporal's own in-memory service (the one its test framework uses), served over gRPC on
 * loopback only so that other processes on this machine — {@code admlops doctor}, extra
 * workers — can reach it. It keeps nothing on disk, answers no visibility queries, runs no
 * schedules, and a restarted worker strands the workflows it had cached; {@code
 * scripts/temporal-dev-server} is the way out of all four.
 */
public final class EmbeddedTemporalServer implements AutoCloseable {

  /** Said once at startup and in the README. */
  public static final String LIMITS = "in-memory Temporal: nothing survives a restart, no "
      + "visibility queries (campaign list), no schedules, and a restarted worker strands "
      + "running workflows; for real use run scripts/temporal-dev-server and pass "
      + "--temporal 127.0.0.1:7233";

  private final TestServicesStarter services;
  private final Server server;

  private EmbeddedTemporalServer(TestServicesStarter services, Server server) {
    this.services = services;
    this.server = server;
  }

  /**
   * Starts the service on {@code 127.0.0.1:port}; port 0 picks a free one.
   *
   * @throws UserInputException when the port is taken, with the way around it
   */
  public static EmbeddedTemporalServer start(int port) throws IOException {
    // Time skipping locked: workflows see real time, as on a real server.
    TestServicesStarter services = new TestServicesStarter(true, 0);
    NettyServerBuilder builder = NettyServerBuilder.forAddress(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
        InsecureServerCredentials.create());
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
    EmbeddedTemporalServer started;
    try {
      started = new EmbeddedTemporalServer(services, builder.build().start());
    } catch (IOException e) {
      services.close();
      if (e.getCause() instanceof BindException || e instanceof BindException) {
        throw new UserInputException("port " + port + " on 127.0.0.1 is taken (a Temporal "
            + "dev server already running?): pass --temporal 127.0.0.1:" + port
            + " to use that server, or --temporal-port to serve on another port", e);
      }
      throw e;
    }
    started.registerLoopSearchAttributes();
    return started;
  }

  /**
   * The campaign workflows upsert their search attributes, which a Temporal service refuses
   * unless registered; the dev server script registers them the same way.
   */
  private void registerLoopSearchAttributes() {
    AddSearchAttributesRequest.Builder request =
        AddSearchAttributesRequest.newBuilder().setNamespace("default");
    for (SearchAttributeKey<?> key : LoopSearchAttributes.KEYS) {
      request.putSearchAttributes(key.getName(), key.getValueType());
    }
    OperatorServiceStubs operator = OperatorServiceStubs.newServiceStubs(
        OperatorServiceStubsOptions.newBuilder().setTarget(address())
            .validateAndBuildWithDefaults());
    try {
      operator.blockingStub().addSearchAttributes(request.build());
    } finally {
      operator.shutdown();
    }
  }

  /** host:port clients connect to. */
  public String address() {
    return "127.0.0.1:" + server.getPort();
  }

  @Override
  public void close() {
    server.shutdown();
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      server.shutdownNow();
    }
    services.close();
  }
}
