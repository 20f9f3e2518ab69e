package org.codomyrmex.tracing.export;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The batches of one network exporter not yet taken by its backend, oldest first, bounded in bytes.
 *
 * <p>Not thread-safe: {@link HttpDelivery} guards it. The batch being sent stays counted (it may
 * come back) but can no longer be dropped; adding past the bound drops the oldest waiting batches.
 */
final class OutageBuffer {
  // What an entry costs besides its body: the entry, its array header, the deque slot.
  static final int ENTRY_OVERHEAD = 64;

  private final long capacityBytes;
  private final Deque<Entry> waiting = new ArrayDeque<>();
  private Entry inFlight;
  private long bytes;
  private long appended;

  /** One kept batch and its place in the sequence of batches. */
  record Entry(long sequence, HttpSender.Payload payload) {
    long cost() {
      return payload.body().length + (long) ENTRY_OVERHEAD;
    }
  }

  OutageBuffer(long capacityBytes) {
    this.capacityBytes = capacityBytes;
  }

  /**
   * Appends {@code payload}, first dropping the oldest waiting batches until it fits.
   *
   * @return how many spans were dropped to make room; the payload's own when it alone is too big
   */
  int add(HttpSender.Payload payload) {
    Entry entry = new Entry(++appended, payload);
    int droppedSpans = 0;
    while (bytes + entry.cost() > capacityBytes && !waiting.isEmpty()) {
      Entry oldest = waiting.pollFirst();
      bytes -= oldest.cost();
      droppedSpans += oldest.payload().spanCount();
    }
    if (bytes + entry.cost() > capacityBytes) {
      return droppedSpans + payload.spanCount();
    }
    waiting.addLast(entry);
    bytes += entry.cost();
    return droppedSpans;
  }

  /** Takes the oldest waiting batch for sending, or null when none waits. */
  Entry take() {
    inFlight = waiting.pollFirst();
    return inFlight;
  }

  /** The batch taken was delivered, or refused for good. */
  void settle() {
    if (inFlight != null) { // null once cleared at shutdown
      bytes -= inFlight.cost();
      inFlight = null;
    }
  }

  /** The batch taken goes back to the front, to be sent again first. */
  void putBack() {
    if (inFlight != null) {
      waiting.addFirst(inFlight);
      inFlight = null;
    }
  }

  /** Returns the sequence number of the last batch added. */
  long lastAppended() {
    return appended;
  }

  /** Returns whether every batch up to {@code sequence} was delivered or dropped. */
  boolean settledThrough(long sequence) {
    Entry oldest = inFlight != null ? inFlight : waiting.peekFirst();
    return oldest == null || oldest.sequence() > sequence;
  }

  boolean hasWaiting() {
    return !waiting.isEmpty();
  }

  int waitingBatches() {
    return waiting.size();
  }

  long bytes() {
    return bytes;
  }

  /** Returns how many spans the buffer holds, the batch in flight included. */
  long spans() {
    long spans = inFlight == null ? 0 : inFlight.payload().spanCount();
    for (Entry entry : waiting) {
      spans += entry.payload().spanCount();
    }
    return spans;
  }

  /** Empties the buffer, returning how many spans it held (the batch in flight included). */
  long clear() {
    long spans = spans();
    waiting.clear();
    inFlight = null;
    bytes = 0;
    return spans;
  }
}
