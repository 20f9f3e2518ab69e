package org.codomyrmex.tracing.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** The page, script and style of the viewer, read once from this jar. */
final class ViewerAssets {
  private static final String BASE_MARK = "{{base}}";

  /** A file served as it is. */
  record Asset(byte[] bytes, String type) {}

  private final String page;
  private final Map<String, Asset> files;

  private ViewerAssets(String page, Map<String, Asset> files) {
    this.page = page;
    this.files = files;
  }

  static ViewerAssets load() {
    return new ViewerAssets(
        new String(read("index.html"), StandardCharsets.UTF_8),
        Map.of(
            "viewer.js", new Asset(read("viewer.js"), "text/javascript; charset=utf-8"),
            "viewer.css", new Asset(read("viewer.css"), "text/css; charset=utf-8")));
  }

  /** The page, its links starting at {@code base} (the viewer's path, ending with '/'). */
  String page(String base) {
    return page.replace(BASE_MARK, escapeAttribute(base));
  }

  Optional<Asset> file(String name) {
    return Optional.ofNullable(files.get(name));
  }

  private static byte[] read(String name) {
    try (InputStream in = ViewerAssets.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("trace viewer: " + name + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String escapeAttribute(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (char c : value.toCharArray()) {
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
