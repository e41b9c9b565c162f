package io.admlops.workers.dashboard;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the dashboard writes numbers, times and durations for people. */
final class Readable {

  /** Shown where there is no value. */
  static final String NONE = "—";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private Readable() {}

  /** A score such as mAP with three decimals: 0.412. */
  static String score(Double value) {
    return value == null ? NONE : String.format(Locale.ROOT, "%.3f", value);
  }

  /** A change of score with its sign: +0.012, -0.003. */
  static String change(double delta) {
    return String.format(Locale.ROOT, "%+.3f", delta);
  }

  /** A count with thousands separators: 12,345. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** A count of things: 1 frame, 12,345 frames. */
  static String count(long n, String thing) {
    return count(n) + " " + thing + (n == 1 ? "" : "s");
  }

  /** A moment to the minute, in UTC, which the Z says. */
  static String time(Instant instant) {
    return instant == null ? NONE : TIME.format(instant);
  }

  /** A duration in its two largest units: 45 s, 12 min 5 s, 3 h 20 min, 2 d 4 h. */
  static String duration(Double seconds) {
    if (seconds == null) {
      return NONE;
    }
    long s = Math.round(seconds);
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
    }
    if (s < 86_400) {
      return s / 3600 + " h" + (s % 3600 / 60 == 0 ? "" : " " + s % 3600 / 60 + " min");
    }
    return s / 86_400 + " d" + (s % 86_400 / 3600 == 0 ? "" : " " + s % 86_400 / 3600 + " h");
  }
}
