package org.codomyrmex.tracing.export;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The batches of one network exporter not yet taken by its backend, oldest first, bounded in bytes.
 *
 * <p>Not thread-safe: {@link HttpDelivery} guards it. Adding past the bound drops the oldest
 * batches: waiting ones first, then those being sent (they are then not put back when their request
 * fails, and credited back when it succeeds).
 */
final class OutageBuffer {
  // What an entry costs besides its body: the entry, its array header, the deque slot.
  static final int ENTRY_OVERHEAD = 64;

  private final long capacityBytes;
  private final Deque<Entry> waiting = new ArrayDeque<>();
  private List<Entry> inFlight = List.of();
  private long bytes;
  private long waitingRawBytes;
  private long appended;

  /** One kept batch and its place in the sequence of batches. */
  static final class Entry {
    private final long sequence;
    private final HttpSender.Payload payload;
    private boolean evicted; // dropped while being sent

    Entry(long sequence, HttpSender.Payload payload) {
      this.sequence = sequence;
      this.payload = payload;
    }

    long sequence() {
      return sequence;
    }

    HttpSender.Payload payload() {
      return payload;
    }

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
      droppedSpans += forget(waiting.pollFirst());
    }
    for (int i = 0; i < inFlight.size() && bytes + entry.cost() > capacityBytes; i++) {
      droppedSpans += evict(inFlight.get(i));
    }
    if (bytes + entry.cost() > capacityBytes) {
      return droppedSpans + payload.spanCount();
    }
    waiting.addLast(entry);
    bytes += entry.cost();
    waitingRawBytes += payload.rawLength();
    return droppedSpans;
  }

  private int evict(Entry entry) {
    if (entry.evicted) {
      return 0;
    }
    entry.evicted = true;
    bytes -= entry.cost();
    return entry.payload().spanCount();
  }

  private int forget(Entry entry) {
    bytes -= entry.cost();
    waitingRawBytes -= entry.payload().rawLength();
    return entry.payload().spanCount();
  }

  /**
   * Takes the oldest waiting batches for sending, as many as fit in {@code maxRawBytes} of
   * uncompressed JSON but at least one; empty when none waits.
   */
  List<Entry> take(long maxRawBytes) {
    List<Entry> taken = new ArrayList<>();
    long raw = 0;
    while (!waiting.isEmpty()
        && (taken.isEmpty() || raw + waiting.peekFirst().payload().rawLength() <= maxRawBytes)) {
      Entry entry = waiting.pollFirst();
      waitingRawBytes -= entry.payload().rawLength();
      raw += entry.payload().rawLength();
      taken.add(entry);
    }
    inFlight = taken;
    return taken;
  }

  /**
   * The batches taken were delivered, or refused for good.
   *
   * @return how many of their spans had been counted as dropped to make room meanwhile
   */
  int settle() {
    int evictedSpans = 0;
    for (Entry entry : inFlight) {
      if (entry.evicted) {
        evictedSpans += entry.payload().spanCount();
      } else {
        bytes -= entry.cost();
      }
    }
    inFlight = List.of();
    return evictedSpans;
  }

  /** The batches taken go back to the front, to be sent again first, unless dropped meanwhile. */
  void putBack() {
    for (int i = inFlight.size() - 1; i >= 0; i--) {
      Entry entry = inFlight.get(i);
      if (!entry.evicted) {
        waiting.addFirst(entry);
        waitingRawBytes += entry.payload().rawLength();
      }
    }
    inFlight = List.of();
  }

  /** Returns the sequence number of the last batch added. */
  long lastAppended() {
    return appended;
  }

  /** Returns whether every batch up to {@code sequence} was delivered or dropped. */
  boolean settledThrough(long sequence) {
    Entry oldest = !inFlight.isEmpty() ? inFlight.get(0) : waiting.peekFirst();
    return oldest == null || oldest.sequence() > sequence;
  }

  boolean hasWaiting() {
    return !waiting.isEmpty();
  }

  /** Returns the uncompressed size of the batches waiting, those in flight not included. */
  long waitingRawBytes() {
    return waitingRawBytes;
  }

  long bytes() {
    return bytes;
  }

  /** Returns how many spans the buffer holds, the batches in flight included. */
  long spans() {
    long spans = 0;
    for (Entry entry : inFlight) {
      spans += entry.evicted ? 0 : entry.payload().spanCount();
    }
    for (Entry entry : waiting) {
      spans += entry.payload().spanCount();
    }
    return spans;
  }

  /** Empties the buffer, returning how many spans it held (the batches in flight included). */
  long clear() {
    long spans = spans();
    waiting.clear();
    inFlight = List.of();
    bytes = 0;
    waitingRawBytes = 0;
    return spans;
  }
}
