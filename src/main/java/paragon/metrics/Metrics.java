package paragon.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The node's metrics, scraped as Prometheus text at {@code GET /metrics} (docs/operations.md,
 * "Metrics", lists every series). One instance per app, made in {@code Paragon.create} and handed by
 * constructor to where the events happen; no static registry.
 *
 * <p>Names are given as they appear in the scrape, so a grep for a series finds the code that feeds it:
 * a counter ends in {@code _total}, a timer in {@code _seconds}. Labels are name/value pairs and must
 * come from a small fixed set (a command type, an outcome), never from user input. Another feature binds
 * its own series the same way, e.g. {@code metrics.counter("paragon_refusals_total", "reason", r).increment()};
 * the docs' convention test then asks for the series in docs/operations.md.
 *
 * <p>Thread-safe: Micrometer's registry is; this class holds no other mutable state.
 */
public final class Metrics implements AutoCloseable {
  /** Latency buckets of the command histogram: 1 ms .. 10 s, where a terminal's wait is felt. */
  private static final Duration MIN_EXPECTED = Duration.ofMillis(1);
  private static final Duration MAX_EXPECTED = Duration.ofSeconds(10);

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc;

  private Metrics(boolean jvm) {
    if (jvm) {
      new JvmMemoryMetrics().bindTo(registry);
      new JvmThreadMetrics().bindTo(registry);
      new ClassLoaderMetrics().bindTo(registry);
      new ProcessorMetrics().bindTo(registry);
      new UptimeMetrics().bindTo(registry);
      gc = new JvmGcMetrics();
      gc.bindTo(registry);
    } else {
      gc = null;
    }
  }

  /** A node's metrics: the JVM's (memory, GC, threads, classes, CPU, uptime) and whatever is bound later. */
  public static Metrics forNode() {
    return new Metrics(true);
  }

  /** Metrics nobody scrapes, for parts built alone (tests that make a service without an app). */
  public static Metrics unscraped() {
    return new Metrics(false);
  }

  /** The registry, for libraries that bind themselves (HikariCP's pool). */
  public MeterRegistry registry() {
    return registry;
  }

  /** The counter {@code name} (ending in {@code _total}) with {@code labels} (name, value, ...). */
  public Counter counter(String name, String... labels) {
    return Counter.builder(base(name, "_total")).tags(labels).register(registry);
  }

  /**
   * The latency histogram {@code name} (ending in {@code _seconds}) with {@code labels}: Prometheus
   * buckets, so that {@code histogram_quantile} gives a p99 over any set of nodes.
   */
  public Timer timer(String name, String... labels) {
    return Timer.builder(base(name, "_seconds")).tags(labels).publishPercentileHistogram()
        .minimumExpectedValue(MIN_EXPECTED).maximumExpectedValue(MAX_EXPECTED).register(registry);
  }

  /** A gauge {@code name} read from {@code value} at every scrape (keep it cheap: it runs on the scrape). */
  public void gauge(String name, Supplier<Number> value, String... labels) {
    Gauge.builder(base(name, ""), value).tags(labels).strongReference(true).register(registry);
  }

  /** Every series in the Prometheus text format (version 0.0.4). */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    if (gc != null) gc.close();
    registry.close();
  }

  /**
   * Micrometer's name for a series named {@code name} in the scrape: without the suffix the Prometheus
   * naming convention adds back, dots for underscores (the convention turns them back).
   */
  private static String base(String name, String suffix) {
    if (!name.matches("paragon_[a-z0-9_]+") || !name.endsWith(suffix) || name.equals(suffix)) {
      throw new IllegalArgumentException("not a paragon series name ending in '" + suffix + "': " + name);
    }
    return name.substring(0, name.length() - suffix.length()).replace('_', '.');
  }
}
