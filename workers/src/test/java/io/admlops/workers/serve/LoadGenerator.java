package io.admlops.workers.serve;

import io.admlops.activities.serve.Latencies;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Posts images to a detection endpoint from concurrent clients for a while, each client
 * sending its next request as soon as the last is answered, and prints requests/s and the
 * latency percentiles clients saw. Run by {@code bench/serve/run.sh} as a process of its own.
 *
 * <p>Arguments: the {@code /v1/detect} URL, a folder of PNG images, clients, seconds.
 */
public final class LoadGenerator {

  private LoadGenerator() {}

  public static void main(String[] args) throws Exception {
    URI url = URI.create(args[0]);
    List<byte[]> images = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of(args[1]))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".png")).sorted().limit(64)
          .toList()) {
        images.add(Files.readAllBytes(file));
      }
    }
    int clients = Integer.parseInt(args[2]);
    long seconds = Long.parseLong(args[3]);
    HttpClient http = HttpClient.newHttpClient();
    Latencies latencies = new Latencies();
    AtomicInteger failed = new AtomicInteger();
    long begin = System.nanoTime();
    long end = begin + seconds * 1_000_000_000L;
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      threads.add(new Thread(() -> {
        for (int i = client; System.nanoTime() < end; i += clients) {
          HttpRequest request = HttpRequest.newBuilder(url)
              .POST(HttpRequest.BodyPublishers.ofByteArray(images.get(i % images.size())))
              .build();
          long start = System.nanoTime();
          try {
            if (http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
              latencies.since(start);
            } else {
              failed.incrementAndGet();
            }
          } catch (Exception e) {
            failed.incrementAndGet();
          }
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }
    double elapsed = (System.nanoTime() - begin) / 1e9;
    System.out.printf(Locale.ROOT, "%d clients, %.1f s: %d answered, %.1f requests/s, %s, "
        + "%d failed%n", clients, elapsed, latencies.count(), latencies.count() / elapsed,
        latencies.summary(), failed.get());
    HttpResponse<String> health = http.send(HttpRequest.newBuilder(url.resolve("/healthz"))
        .build(), HttpResponse.BodyHandlers.ofString());
    System.out.println("healthz " + health.body());
  }
}
