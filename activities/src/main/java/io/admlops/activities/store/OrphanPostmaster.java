package io.admlops.activities.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears the way for a PostgreSQL start over a data directory whose last owner died without
 * stopping its server. {@code pg_ctl start} daemonizes the postmaster, so when the JVM that
 * started it is killed with -9 the server keeps running and holds {@code postmaster.pid};
 * the next start would fail on that lock.
 */
final class OrphanPostmaster {

  private static final Logger log = LoggerFactory.getLogger(OrphanPostmaster.class);
  private static final long SHUTDOWN_WAIT_SECONDS = 30;

  private OrphanPostmaster() {}

  /**
   * Stops the postmaster recorded in the data directory when it still runs, and removes a
   * lock file left by a process that no longer exists or is no PostgreSQL.
   *
   * @param dataDirectory a PostgreSQL data directory nobody in this workplace owns now
   */
  static void clear(Path dataDirectory) throws IOException {
    Path lockFile = dataDirectory.resolve("postmaster.pid");
    Optional<Long> pid = recordedPid(lockFile);
    if (pid.isEmpty()) {
      return;
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
    if (process.isPresent() && isPostgres(process.get())) {
      log.warn("stopping PostgreSQL (pid {}) left running over {} by a process that died",
          pid.get(), dataDirectory);
      stop(process.get());
    } else {
      // PostgreSQL removes a stale lock itself, unless the pid now belongs to another program.
      log.info("removing stale {} of pid {}", lockFile, pid.get());
      Files.deleteIfExists(lockFile);
    }
  }

  private static Optional<Long> recordedPid(Path lockFile) throws IOException {
    if (!Files.isRegularFile(lockFile)) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(lockFile);
    try {
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process.info().command().map(c -> c.endsWith("/postgres")).orElse(false);
  }

  /** SIGTERM asks for a smart shutdown; its clients died with their JVM, so it completes. */
  private static void stop(ProcessHandle postmaster) throws IOException {
    postmaster.destroy();
    try {
      postmaster.onExit().get(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      log.warn("PostgreSQL pid {} ignored shutdown for {} s; killing it (recovery runs on start)",
          postmaster.pid(), SHUTDOWN_WAIT_SECONDS);
      postmaster.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while stopping PostgreSQL pid " + postmaster.pid(), e);
    } catch (ExecutionException e) {
      throw new IOException("cannot wait for PostgreSQL pid " + postmaster.pid(), e);
    }
  }
}
