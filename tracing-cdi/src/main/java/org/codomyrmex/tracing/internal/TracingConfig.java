package org.codomyrmex.tracing.internal;

import java.lang.reflect.Method;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Not API: the library's configuration, read and validated once per call of {@link #load()}.
 *
 * <p>Each key is looked up in MicroProfile Config when it is present at run time, else in the
 * system properties, else in the environment ({@code tracing.service-name} becomes {@code
 * TRACING_SERVICE_NAME}). A bad value throws {@link IllegalArgumentException} whose message starts
 * with the key.
 */
public final class TracingConfig {
  public static final String ENABLED = "tracing.enabled";
  public static final String SERVICE_NAME = "tracing.service-name";
  public static final String EXPORTER = "tracing.exporter";
  public static final String JSONL_PATH = "tracing.exporter.jsonl.path";
  public static final String ZIPKIN_ENDPOINT = "tracing.exporter.zipkin.endpoint";
  public static final String OTLP_ENDPOINT = "tracing.exporter.otlp.endpoint";
  public static final String BATCH_SIZE = "tracing.batch-size";
  public static final String FLUSH_INTERVAL_MS = "tracing.flush-interval-ms";
  public static final String FLUSH_TIMEOUT_MS = "tracing.flush-timeout-ms";
  public static final String QUEUE_CAPACITY = "tracing.queue-capacity";
  public static final String MEMORY_MAX_SPANS = "tracing.memory.max-spans";
  public static final String PROPAGATION = "tracing.propagation";
  public static final String SKIP_PATTERN = "tracing.jaxrs.skip-pattern";
  public static final String SAMPLER = "tracing.sampler";
  public static final String SAMPLER_RATIO = "tracing.sampler.ratio";
  public static final String SAMPLER_RATE = "tracing.sampler.rate";
  public static final String OTEL_SAMPLER = "otel.traces.sampler";
  public static final String OTEL_SAMPLER_ARG = "otel.traces.sampler.arg";
  public static final String JMX_ENABLED = "tracing.jmx.enabled";
  public static final String LOG_CORRELATION = "tracing.log-correlation";
  public static final String OTLP_HEADERS = "tracing.exporter.otlp.headers";
  public static final String ZIPKIN_HEADERS = "tracing.exporter.zipkin.headers";
  public static final String BUFFER_MB = "tracing.exporter.buffer-mb";
  public static final String OTLP_PROTOCOL = "tracing.exporter.otlp.protocol";
  public static final String COMPRESSION = "tracing.exporter.compression";
  public static final String RESOURCE_ATTRIBUTES = "tracing.resource.attributes";
  // OpenTelemetry names, read when the tracing.* key is not set.
  public static final String OTEL_SERVICE_NAME = "otel.service.name";
  public static final String OTEL_TRACES_ENDPOINT = "otel.exporter.otlp.traces.endpoint";
  public static final String OTEL_ENDPOINT = "otel.exporter.otlp.endpoint";
  public static final String OTEL_TRACES_HEADERS = "otel.exporter.otlp.traces.headers";
  public static final String OTEL_HEADERS = "otel.exporter.otlp.headers";
  public static final String OTEL_RESOURCE_ATTRIBUTES = "otel.resource.attributes";
  public static final String UI_ENABLED = "tracing.ui.enabled";
  public static final String UI_PATH = "tracing.ui.path";
  public static final String UI_MAX_TRACES = "tracing.ui.max-traces";
  public static final String UI_ALLOW_REMOTE = "tracing.ui.allow-remote";

  private static final Set<String> EXPORTERS =
      Set.of("console", "memory", "jsonl", "zipkin", "otlp", "none");
  private static final Set<String> PROPAGATIONS = Set.of("x-trace", "w3c");
  private static final Set<String> OTLP_PROTOCOLS = Set.of("http/json", "http/protobuf");
  private static final Set<String> COMPRESSIONS = Set.of("gzip", "none");
  private static final int MAX_BUFFER_MB = 4096;
  private static final int MAX_UI_TRACES = 100_000;
  private static final Pattern UI_PATH_SEGMENTS = Pattern.compile("(/[A-Za-z0-9._~-]+)+");
  private static final String SERVICE_NAME_ATTRIBUTE = "service.name";

  private final Function<String, String> lookup;
  private final boolean enabled;
  private final String serviceName;
  private final List<String> exporters;
  private final Path jsonlPath;
  private final URI zipkinEndpoint;
  private final URI otlpEndpoint;
  private final int batchSize;
  private final long flushIntervalMs;
  private final long flushTimeoutMs;
  private final int queueCapacity;
  private final int memoryMaxSpans;
  private final List<String> propagation;
  private final Pattern skipPattern;
  private final SamplerSettings sampler;
  private final boolean jmxEnabled;
  private final boolean logCorrelation;
  private final SecretHeaders otlpHeaders;
  private final SecretHeaders zipkinHeaders;
  private final int bufferMb;
  private final boolean otlpProtobuf;
  private final boolean gzip;
  private final Map<String, String> resourceAttributes;
  private final boolean uiEnabled;
  private final String uiPath;
  private final int uiMaxTraces;
  private final boolean uiAllowRemote;

  private TracingConfig(Function<String, String> lookup) {
    this.lookup = lookup;
    this.enabled = bool(ENABLED, true);
    this.serviceName = name(firstSet(SERVICE_NAME, OTEL_SERVICE_NAME), resourceServiceName());
    this.exporters = list(EXPORTER, "console", EXPORTERS);
    this.jsonlPath = path(JSONL_PATH, "traces.jsonl");
    this.zipkinEndpoint = uri(ZIPKIN_ENDPOINT, "http://localhost:9411/api/v2/spans");
    this.otlpEndpoint = readOtlpEndpoint();
    this.batchSize = (int) positive(BATCH_SIZE, 10, Integer.MAX_VALUE);
    this.flushIntervalMs = positive(FLUSH_INTERVAL_MS, 1000, Long.MAX_VALUE / 1_000_000);
    this.flushTimeoutMs = positive(FLUSH_TIMEOUT_MS, 10_000, Long.MAX_VALUE / 1_000_000);
    this.queueCapacity = (int) positive(QUEUE_CAPACITY, 2048, Integer.MAX_VALUE);
    this.memoryMaxSpans = (int) positive(MEMORY_MAX_SPANS, 1000, Integer.MAX_VALUE);
    this.propagation = list(PROPAGATION, "x-trace", PROPAGATIONS);
    this.skipPattern = pattern(SKIP_PATTERN);
    this.sampler = SamplerSettings.read(this);
    this.jmxEnabled = bool(JMX_ENABLED, true);
    this.logCorrelation = bool(LOG_CORRELATION, true);
    this.otlpHeaders = headers(firstSet(OTLP_HEADERS, OTEL_TRACES_HEADERS, OTEL_HEADERS));
    this.zipkinHeaders = headers(ZIPKIN_HEADERS);
    this.bufferMb = (int) positive(BUFFER_MB, 16, MAX_BUFFER_MB);
    this.otlpProtobuf = "http/protobuf".equals(one(OTLP_PROTOCOL, "http/json", OTLP_PROTOCOLS));
    this.gzip = "gzip".equals(one(COMPRESSION, "gzip", COMPRESSIONS));
    this.resourceAttributes = readResourceAttributes();
    // The viewer's keys (module tracing-ui) are checked here too: a bad one fails at deployment.
    this.uiEnabled = bool(UI_ENABLED, false);
    this.uiPath = readUiPath();
    this.uiMaxTraces = (int) positive(UI_MAX_TRACES, 200, MAX_UI_TRACES);
    this.uiAllowRemote = bool(UI_ALLOW_REMOTE, false);
    if (exporters.contains("none") && exporters.size() > 1) {
      throw invalid(EXPORTER, String.join(",", exporters), "'none' cannot be combined");
    }
  }

  /** Reads the configuration from MicroProfile Config, system properties and the environment. */
  public static TracingConfig load() {
    Function<String, String> microProfile = MicroProfileLookup.find();
    return of(key -> firstNonNull(microProfile.apply(key), System.getProperty(key), env(key)));
  }

  /** Reads the configuration through {@code lookup}, which returns null for an unset key. */
  public static TracingConfig of(Function<String, String> lookup) {
    return new TracingConfig(lookup);
  }

  /** Returns the name of the environment variable for {@code key}. */
  public static String envName(String key) {
    return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  /** Returns the raw value of {@code key}, or null when unset. */
  public String raw(String key) {
    String value = lookup.apply(key);
    return value == null || value.isBlank() ? null : value.trim();
  }

  public boolean enabled() {
    return enabled;
  }

  public String serviceName() {
    return serviceName;
  }

  public List<String> exporters() {
    return exporters;
  }

  public Path jsonlPath() {
    return jsonlPath;
  }

  public URI zipkinEndpoint() {
    return zipkinEndpoint;
  }

  public URI otlpEndpoint() {
    return otlpEndpoint;
  }

  public int batchSize() {
    return batchSize;
  }

  public long flushIntervalMs() {
    return flushIntervalMs;
  }

  public long flushTimeoutMs() {
    return flushTimeoutMs;
  }

  public int queueCapacity() {
    return queueCapacity;
  }

  public int memoryMaxSpans() {
    return memoryMaxSpans;
  }

  public List<String> propagation() {
    return propagation;
  }

  public Optional<Pattern> skipPattern() {
    return Optional.ofNullable(skipPattern);
  }

  /** Returns the sampler settings: {@code tracing.sampler*}, else the OpenTelemetry names. */
  public SamplerSettings sampler() {
    return sampler;
  }

  public boolean jmxEnabled() {
    return jmxEnabled;
  }

  public boolean logCorrelation() {
    return logCorrelation;
  }

  /** Headers of every OTLP request; their values are secrets. */
  public SecretHeaders otlpHeaders() {
    return otlpHeaders;
  }

  /** Whether the OTLP exporter sends protobuf ({@code http/protobuf}) rather than JSON. */
  public boolean otlpProtobuf() {
    return otlpProtobuf;
  }

  /** Whether the network exporters gzip their request bodies. */
  public boolean gzip() {
    return gzip;
  }

  /** {@code tracing.ui.enabled}. */
  public boolean uiEnabled() {
    return uiEnabled;
  }

  /** {@code tracing.ui.path}: starts with '/', never ends with one. */
  public String uiPath() {
    return uiPath;
  }

  /** {@code tracing.ui.max-traces}, from 1 to 100,000. */
  public int uiMaxTraces() {
    return uiMaxTraces;
  }

  /** {@code tracing.ui.allow-remote}. */
  public boolean uiAllowRemote() {
    return uiAllowRemote;
  }

  /** Headers of every Zipkin request; their values are secrets. */
  public SecretHeaders zipkinHeaders() {
    return zipkinHeaders;
  }

  /** Room in MiB for the batches of each network exporter while its backend is down. */
  public int bufferMb() {
    return bufferMb;
  }

  /** Attributes describing the service, in their order, without {@code service.name}. */
  public Map<String, String> resourceAttributes() {
    return resourceAttributes;
  }

  // The first of keys that is set, else the first: values and errors come from the key read.
  private String firstSet(String... keys) {
    for (String key : keys) {
      if (raw(key) != null) {
        return key;
      }
    }
    return keys[0];
  }

  private URI readOtlpEndpoint() {
    String key = firstSet(OTLP_ENDPOINT, OTEL_TRACES_ENDPOINT, OTEL_ENDPOINT);
    if (!key.equals(OTEL_ENDPOINT)) {
      return uri(key, "http://localhost:4318/v1/traces");
    }
    String base = uri(OTEL_ENDPOINT, null).toString(); // a base: the signal's path is appended
    return URI.create(
        (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/v1/traces");
  }

  private SecretHeaders headers(String key) {
    return SecretHeaders.of(key, keyValues(key));
  }

  private Map<String, String> keyValues(String key) {
    return KeyValues.parse(key, raw(key));
  }

  private Map<String, String> readResourceAttributes() {
    Map<String, String> attributes =
        new LinkedHashMap<>(keyValues(firstSet(RESOURCE_ATTRIBUTES, OTEL_RESOURCE_ATTRIBUTES)));
    attributes.remove(SERVICE_NAME_ATTRIBUTE); // each tracer's name is its spans' service.name
    return Collections.unmodifiableMap(attributes);
  }

  // OpenTelemetry takes the service name from the resource attributes when nothing else names it.
  private String resourceServiceName() {
    String key = firstSet(RESOURCE_ATTRIBUTES, OTEL_RESOURCE_ATTRIBUTES);
    return keyValues(key).getOrDefault(SERVICE_NAME_ATTRIBUTE, "default");
  }

  /**
   * Returns the boolean value of {@code key}, or {@code fallback} when unset; else throws naming
   * it.
   */
  public boolean bool(String key, boolean fallback) {
    String value = raw(key);
    if (value == null) {
      return fallback;
    }
    if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(value);
    }
    throw invalid(key, value, "expected true or false");
  }

  private String name(String key, String fallback) {
    String value = raw(key);
    if (value != null && value.length() > 256) {
      throw invalid(key, value.substring(0, 32) + "...", "expected at most 256 characters");
    }
    return value == null ? fallback : value;
  }

  /**
   * Returns the integer value of {@code key} from 1 to {@code max}, or {@code fallback}; else
   * throws.
   */
  public long positive(String key, long fallback, long max) {
    String value = raw(key);
    if (value == null) {
      return fallback;
    }
    try {
      long parsed = Long.parseLong(value);
      if (parsed >= 1 && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(key, value, "expected an integer from 1 to " + max);
  }

  private String readUiPath() {
    String value = raw(UI_PATH);
    if (value == null) {
      return "/tracing";
    }
    String trimmed = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    String path = trimmed.startsWith("/") ? trimmed : "/" + trimmed;
    if (!UI_PATH_SEGMENTS.matcher(path).matches() || path.matches(".*/\\.{1,2}(/.*)?")) {
      throw invalid(UI_PATH, value, "expected path segments of letters, digits, '.', '_', '-'");
    }
    return path;
  }

  private String one(String key, String fallback, Set<String> allowed) {
    List<String> items = list(key, fallback, allowed);
    if (items.size() > 1) {
      throw invalid(key, raw(key), "expected one of " + new java.util.TreeSet<>(allowed));
    }
    return items.get(0);
  }

  private List<String> list(String key, String fallback, Set<String> allowed) {
    String value = raw(key);
    List<String> items = new ArrayList<>();
    for (String item : (value == null ? fallback : value).split(",")) {
      String name = item.trim().toLowerCase(Locale.ROOT);
      if (!allowed.contains(name)) {
        throw invalid(
            key, value, "'" + name + "' is not one of " + new java.util.TreeSet<>(allowed));
      }
      if (!items.contains(name)) {
        items.add(name);
      }
    }
    return List.copyOf(items);
  }

  private Path path(String key, String fallback) {
    String value = raw(key);
    try {
      return Path.of(value == null ? fallback : value);
    } catch (InvalidPathException e) {
      throw invalid(key, value, "not a valid file path");
    }
  }

  private URI uri(String key, String fallback) {
    String value = raw(key);
    try {
      URI uri = new URI(value == null ? fallback : value);
      String scheme = uri.getScheme();
      if (("http".equals(scheme) || "https".equals(scheme)) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw invalid(key, value, "expected an http or https URL");
  }

  private Pattern pattern(String key) {
    String value = raw(key);
    try {
      return value == null ? null : Pattern.compile(value);
    } catch (PatternSyntaxException e) {
      throw invalid(key, value, "not a valid regular expression: " + e.getDescription());
    }
  }

  static IllegalArgumentException invalid(String key, String value, String why) {
    return new IllegalArgumentException(key + ": invalid value '" + value + "': " + why);
  }

  private static String env(String key) {
    return System.getenv(envName(key));
  }

  private static String firstNonNull(String a, String b, String c) {
    return a != null ? a : b != null ? b : c;
  }

  /** Finds MicroProfile Config by reflection, so that the library runs without it. */
  static final class MicroProfileLookup {
    private static final String PROVIDER = "org.eclipse.microprofile.config.ConfigProvider";
    private static final String CONFIG = "org.eclipse.microprofile.config.Config";

    private MicroProfileLookup() {}

    static Function<String, String> find() {
      try {
        ClassLoader loader = loader();
        Object config = Class.forName(PROVIDER, true, loader).getMethod("getConfig").invoke(null);
        Method get =
            Class.forName(CONFIG, true, loader)
                .getMethod("getOptionalValue", String.class, Class.class);
        return key -> valueOf(config, get, key);
      } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
        return key -> null; // no MicroProfile Config here
      }
    }

    private static ClassLoader loader() {
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      return context != null ? context : TracingConfig.class.getClassLoader();
    }

    private static String valueOf(Object config, Method get, String key) {
      try {
        return ((Optional<?>) get.invoke(config, key, String.class))
            .map(String::valueOf)
            .orElse(null);
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
    }
  }
}
