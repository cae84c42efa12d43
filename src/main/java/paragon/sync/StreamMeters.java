package paragon.sync;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import paragon.metrics.Metrics;

/**
 * The stream's series (docs/operations.md, "Metrics"): frames written to terminals, frames dropped
 * (queued or offered when their stream closed, which the terminal then reads from its cursor), slow
 * terminals closed {@link CloseCodes#TOO_SLOW}, notifications received from other nodes, and how long
 * a change took from its commit on another node to this node's wake-up, and the change rows fanned out
 * by where they came from: handed over by this node's commit, or read from the feed.
 */
record StreamMeters(Counter sent, Counter dropped, Counter slowClosed, Counter notifyReceived, Timer feedLag,
    Counter changesCommitted, Counter changesRead) {

  static StreamMeters of(Metrics metrics) {
    return new StreamMeters(metrics.counter("paragon_stream_frames_sent_total"),
        metrics.counter("paragon_stream_frames_dropped_total"),
        metrics.counter("paragon_stream_slow_closed_total"),
        metrics.counter("paragon_notify_received_total"),
        metrics.timer("paragon_feed_lag_seconds"),
        metrics.counter("paragon_stream_changes_total", "source", "commit"),
        metrics.counter("paragon_stream_changes_total", "source", "read"));
  }
}
