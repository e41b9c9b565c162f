package io.admlops.activities.analyze;

/** Text from the data (class names, tags) made safe inside HTML and SVG. */
public final class Markup {

  private Markup() {}

  /** Escapes the characters that HTML and XML give a meaning, in text and in attributes. */
  public static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
