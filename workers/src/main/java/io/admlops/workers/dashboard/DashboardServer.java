package io.admlops.workers.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.admlops.activities.train.TrainingCurvesPlot;
import io.admlops.activities.train.TrainingRunLog;
import io.admlops.schemas.json.Mappers;
import io.admlops.workers.http.JsonReply;
import io.admlops.workers.http.RequestThreads;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The campaign dashboard over HTTP. Pages: {@code /} (the campaigns),
 * {@code /campaigns/NAME} (timeline, model quality, dataset, labeling batches),
 * {@code /campaigns/NAME/iterations/N/gallery} (the mined frames), {@code /runs/ID} (a training
 * run and its curves). The same data as JSON: {@code /api/campaigns},
 * {@code /api/campaigns/NAME}, {@code .../evaluations}, {@code .../datasets},
 * {@code .../batches}, {@code /api/campaigns/NAME/iterations/N/gallery}, {@code /api/runs/ID}.
 * Frame images come from {@code /frames/PATH}, PATH relative to the dataset store and never
 * leading out of it. Only GET is answered; what does not exist is a 404 that says what does.
 */
public final class DashboardServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(DashboardServer.class);

  // Pages are read by a few people at a time; each request runs a handful of queries.
  private static final int THREADS = 4;

  private final HttpServer server;
  private final ExecutorService threads;
  private final LoopJournal journal;
  private final CampaignEvaluations evaluations;
  private final DatasetGrowth growth;
  private final MinedGallery gallery;
  private final TrainingRunLog runs;
  private final StoreFiles store;
  private final CampaignPage campaignPage;
  private final List<Route> routes;

  private DashboardServer(HttpServer server, ExecutorService threads, DSLContext registry,
      StoreFiles store, Clock clock) {
    this.server = server;
    this.threads = threads;
    this.journal = new LoopJournal(registry, clock);
    this.evaluations = new CampaignEvaluations(registry);
    this.growth = new DatasetGrowth(registry);
    this.gallery = new MinedGallery(store);
    this.runs = new TrainingRunLog(registry);
    this.store = store;
    this.campaignPage = new CampaignPage(clock);
    this.routes = routes();
  }

  /**
   * Starts serving.
   *
   * @param address where to listen; port 0 picks a free one
   * @param registry the registry the loop journal and the metrics are read from
   * @param datasetStore the dataset store ({@code $DATASET}) holding manifests and frames
   * @throws java.net.BindException when the address cannot be listened on
   */
  public static DashboardServer start(InetSocketAddress address, DSLContext registry,
      Path datasetStore) throws IOException {
    HttpServer server = HttpServer.create(address, 0);
    ExecutorService threads = RequestThreads.named("dashboard", THREADS);
    DashboardServer dashboard = new DashboardServer(server, threads, registry,
        new StoreFiles(datasetStore), Clock.systemUTC());
    server.createContext("/", dashboard::answer);
    server.setExecutor(threads);
    server.start();
    return dashboard;
  }

  /**
   * The dashboard's front page; the loopback address when it listens on every address, which
   * is no address to open.
   */
  public URI url() {
    InetAddress bound = server.getAddress().getAddress();
    InetAddress host = bound.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bound;
    return URI.create("http://" + host.getHostAddress() + ":" + server.getAddress().getPort()
        + "/");
  }

  /** Stops taking requests; a request in flight gets a second to be answered. */
  @Override
  public void close() {
    server.stop(1);
    threads.shutdownNow();
  }

  /** How a route answers: JSON, or a page, plot or image. */
  @FunctionalInterface
  private interface Answer {
    void sendTo(HttpExchange exchange) throws IOException;
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      Answer reply;
      try {
        reply = route(exchange.getRequestMethod(), path);
      } catch (RuntimeException e) {
        log.error("dashboard {} {} failed", exchange.getRequestMethod(), path, e);
        reply = failure(path, 500, "internal error: " + e.getMessage());
      }
      reply.sendTo(exchange);
    }
  }

  private Answer route(String method, String path) throws IOException {
    if (!method.equals("GET")) {
      Answer refused = failure(path, 405, method + " is not supported here; the dashboard "
          + "only reads, use GET");
      return exchange -> {
        exchange.getResponseHeaders().set("Allow", "GET");
        refused.sendTo(exchange);
      };
    }
    if (path.equals(DashboardRoutes.CAMPAIGNS)) {
      return page(CampaignListPage.render(journal.campaigns()));
    }
    if (path.equals(DashboardRoutes.API_CAMPAIGNS)) {
      return json(wrapped("campaigns", journal.campaigns()));
    }
    if (path.startsWith(StoreFiles.FRAMES)) {
      return frame(path, path.substring(StoreFiles.FRAMES.length()));
    }
    for (Route route : routes) {
      Matcher m = route.pattern().matcher(path);
      if (m.matches()) {
        return route.handler().answer(path, m);
      }
    }
    return failure(path, 404, "no such page " + path + "; the campaigns are at "
        + DashboardRoutes.CAMPAIGNS + " and " + DashboardRoutes.API_CAMPAIGNS);
  }

  /** The answers to paths with names and numbers in them, by pattern. */
  private List<Route> routes() {
    return List.of(
        new Route(DashboardRoutes.CAMPAIGN, (path, m) -> journal.campaign(m.group(1))
            .map(c -> page(campaignPage.render(c, evaluations.of(c),
                growth.of(c.dataset()), journal.batches(c))))
            .orElseGet(() -> unknownCampaign(path, m.group(1)))),
        new Route(DashboardRoutes.GALLERY, (path, m) -> gallery(m)
            .map(g -> page(GalleryPage.render(g))).orElseGet(() -> missingIteration(path, m))),
        new Route(DashboardRoutes.RUN, (path, m) -> runs.find(m.group(1))
            .map(r -> page(TrainingRunPage.render(r)))
            .orElseGet(() -> unknownRun(path, m.group(1)))),
        new Route(DashboardRoutes.RUN_CURVES, (path, m) -> runs.find(m.group(1))
            .<Answer>map(r -> ContentReply.svg(new TrainingCurvesPlot(r).svg())::sendTo)
            .orElseGet(() -> unknownRun(path, m.group(1)))),
        new Route(DashboardRoutes.API_CAMPAIGN, (path, m) -> journal.campaign(m.group(1))
            .map(c -> json(withLinks(c)))
            .orElseGet(() -> unknownCampaign(path, m.group(1)))),
        new Route(DashboardRoutes.API_CAMPAIGN_PART, (path, m) -> journal.campaign(m.group(1))
            .map(c -> json(part(c, m.group(2))))
            .orElseGet(() -> unknownCampaign(path, m.group(1)))),
        new Route(DashboardRoutes.API_GALLERY, (path, m) -> gallery(m)
            .map(DashboardServer::jsonOf)
            .orElseGet(() -> missingIteration(path, m))),
        new Route(DashboardRoutes.API_RUN, (path, m) -> runs.find(m.group(1))
            .map(DashboardServer::jsonOf)
            .orElseGet(() -> unknownRun(path, m.group(1)))));
  }

  /** A path pattern and how a path that matches it is answered. */
  private record Route(Pattern pattern, Handler handler) {}

  @FunctionalInterface
  private interface Handler {
    Answer answer(String path, Matcher matched);
  }

  /** The gallery of the campaign and iteration a matched path names. */
  private Optional<Gallery> gallery(Matcher m) {
    return journal.campaign(m.group(1)).flatMap(c -> c.iteration(Integer.parseInt(m.group(2)))
        .map(i -> gallery.of(c.name(), i)));
  }

  /** The campaign as JSON, with the addresses of the rest of its data. */
  private static ObjectNode withLinks(CampaignHistory campaign) {
    ObjectNode json = Mappers.json().valueToTree(campaign);
    String page = DashboardRoutes.campaign(campaign.name());
    ObjectNode links = json.putObject("links");
    links.put("page", page);
    for (String part : List.of("evaluations", "datasets", "batches")) {
      links.put(part, DashboardRoutes.api(page) + "/" + part);
    }
    ObjectNode galleries = links.putObject("galleries");
    campaign.iterations().forEach(i -> galleries.put(Integer.toString(i.number()),
        DashboardRoutes.api(DashboardRoutes.gallery(campaign.name(), i.number()))));
    return json;
  }

  private ObjectNode part(CampaignHistory campaign, String part) {
    return switch (part) {
      case "evaluations" -> Mappers.json().valueToTree(evaluations.of(campaign));
      case "datasets" -> {
        ObjectNode json = wrapped("versions", growth.of(campaign.dataset()));
        json.put("dataset", campaign.dataset());
        yield json;
      }
      case "batches" -> wrapped("batches", journal.batches(campaign));
      default -> throw new IllegalArgumentException("no campaign data named " + part);
    };
  }

  /** A frame image from the dataset store; any other file is refused. */
  private Answer frame(String path, String relative) throws IOException {
    Optional<Path> file = store.resolve(relative);
    if (file.isEmpty() || !StoreFiles.isImage(file.get())) {
      return failure(path, 403, "refused: " + relative + " is not a frame image inside the "
          + "dataset store");
    }
    if (!Files.isRegularFile(file.get())) {
      return failure(path, 404, "no frame image " + relative + " in the dataset store");
    }
    if (!store.reallyInside(file.get())) {
      return failure(path, 403, "refused: " + relative + " links to a file outside the "
          + "dataset store");
    }
    String name = file.get().getFileName().toString().toLowerCase(Locale.ROOT);
    return new ContentReply(200, name.endsWith(".png") ? "image/png" : "image/jpeg",
        Files.readAllBytes(file.get()))::sendTo;
  }

  private Answer unknownCampaign(String path, String name) {
    List<String> names = journal.names();
    return failure(path, 404, "no campaign named '" + name + "'; " + (names.isEmpty()
        ? "there are no campaigns yet" : "the campaigns are " + String.join(", ", names)));
  }

  private Answer missingIteration(String path, Matcher m) {
    String name = m.group(1);
    Optional<CampaignHistory> campaign = journal.campaign(name);
    if (campaign.isEmpty()) {
      return unknownCampaign(path, name);
    }
    List<IterationHistory> iterations = campaign.get().iterations();
    return failure(path, 404, "campaign " + name + " has no iteration " + m.group(2) + "; "
        + (iterations.isEmpty() ? "it has not started one yet"
            : "its iterations are " + iterations.get(0).number() + " to "
                + iterations.get(iterations.size() - 1).number()));
  }

  private static Answer unknownRun(String path, String id) {
    return failure(path, 404, "no training run with id " + id);
  }

  private static ObjectNode wrapped(String field, List<?> items) {
    ObjectNode json = Mappers.json().createObjectNode();
    json.set(field, Mappers.json().<JsonNode>valueToTree(items));
    return json;
  }

  private static Answer json(ObjectNode body) {
    return new JsonReply(200, body)::sendTo;
  }

  /** A record as a JSON object of its fields. */
  private static Answer jsonOf(Object record) {
    return json(Mappers.json().<ObjectNode>valueToTree(record));
  }

  private static Answer page(String html) {
    return ContentReply.html(200, html)::sendTo;
  }

  /** An error in the form the caller reads: JSON under /api/, a page elsewhere. */
  private static Answer failure(String path, int status, String message) {
    if (path.startsWith("/api/")) {
      return JsonReply.error(status, message)::sendTo;
    }
    return ContentReply.html(status, PageLayout.error(status == 404 ? "Not found"
        : status == 403 ? "Refused" : "Error " + status, message))::sendTo;
  }
}
