package org.codomyrmex.tracing;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The bounded export queue: striped lock-free multi-producer, single-consumer linked queues whose
 * nodes are the spans themselves.
 *
 * <p>A producer thread always uses the same stripe, so threads rarely write the same cache line:
 * each stripe has its own tail and counter, 128 bytes away from the next stripe's. The bound is
 * kept with credits: a stripe takes room for a small chunk of spans from the shared counter at a
 * time, so the shared counter is written once per chunk, not once per span, and the spans queued
 * never exceed the capacity.
 */
final class ExportQueue {
  private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
  private static final VarHandle SPANS = MethodHandles.arrayElementVarHandle(Span[].class);
  private static final int LONG_STRIDE = 16; // 128 bytes between stripes
  private static final int SPAN_STRIDE = 32; // 128 bytes with compressed references, 256 without
  private static final int ACCEPTED = 0; // offset in a stripe's slot: spans accepted by the stripe
  private static final int LIMIT = 1; // offset: credits granted to the stripe so far
  static final long FULL = -1;

  private final int capacity;
  private final int chunk;
  private final int mask;
  private final int shift;
  private final long[] counters; // per stripe ACCEPTED, LIMIT; then the shared issued and taken
  private final int issuedIndex; // in counters: credits granted to all stripes so far
  private final int takenIndex; // in counters: spans the worker has released so far
  private final Span[] tails;
  private final Span[] heads; // worker only
  private final long[] takenByStripe; // worker only
  private final long[] completedByStripe; // written by the worker, read by flushing threads
  private long touched; // worker only: stripes polled since the last completed batch
  private int cursor; // worker only

  ExportQueue(int capacity, int stripes) {
    int count = Integer.highestOneBit(Math.max(1, Math.min(64, stripes) * 2 - 1));
    this.capacity = capacity;
    this.chunk = Math.max(1, Math.min(32, capacity / (8 * count)));
    this.mask = count - 1;
    this.shift = 64 - Integer.numberOfTrailingZeros(count);
    this.counters = new long[counterIndex(count + 2)]; // a stride of padding after the last slot
    this.issuedIndex = counterIndex(count);
    this.takenIndex = counterIndex(count + 1);
    this.tails = new Span[tailIndex(count)]; // likewise
    this.heads = new Span[count];
    this.takenByStripe = new long[count];
    this.completedByStripe = new long[count];
    for (int i = 0; i < count; i++) {
      heads[i] = Span.noop(); // each stripe starts at its own stub
      tails[tailIndex(i)] = heads[i];
    }
  }

  /**
   * Queues the span, or returns {@link #FULL}; otherwise the queue length estimated when this call
   * took new credits, or 0 when it used credits its stripe already held.
   */
  long offer(Span span) {
    int stripe = stripe();
    long backlog = reserve(counterIndex(stripe));
    if (backlog != FULL) {
      Span previous = (Span) SPANS.getAndSet(tails, tailIndex(stripe), span);
      previous.linkRelease(span);
    }
    return backlog;
  }

  // Each stripe's slots start one stride in, so the first is 128 bytes from the array header too.
  private static int counterIndex(int stripe) {
    return (stripe + 1) * LONG_STRIDE;
  }

  private static int tailIndex(int stripe) {
    return (stripe + 1) * SPAN_STRIDE;
  }

  // Fibonacci hashing of the thread id: consecutive ids land on different stripes.
  private int stripe() {
    long id = Thread.currentThread().getId();
    return shift == 64 ? 0 : (int) ((id * 0x9E3779B97F4A7C15L) >>> shift);
  }

  private long reserve(int slot) {
    long backlog = 0;
    while (true) {
      long accepted = (long) LONGS.getVolatile(counters, slot + ACCEPTED);
      if (accepted < (long) LONGS.getVolatile(counters, slot + LIMIT)) {
        if (LONGS.compareAndSet(counters, slot + ACCEPTED, accepted, accepted + 1)) {
          return backlog;
        }
      } else if ((backlog = grant(slot)) == FULL) {
        return FULL;
      }
    }
  }

  // Moves up to a chunk of room from the shared counter to the stripe; returns the queue length
  // that leaves (counting every credit granted as queued), or FULL.
  private long grant(int slot) {
    while (true) {
      long granted = (long) LONGS.getVolatile(counters, issuedIndex);
      long backlog = granted - (long) LONGS.getVolatile(counters, takenIndex);
      long room = Math.min(chunk, capacity - backlog);
      if (room <= 0) {
        return FULL;
      }
      if (LONGS.compareAndSet(counters, issuedIndex, granted, granted + room)) {
        LONGS.getAndAdd(counters, slot + LIMIT, room);
        return backlog + room;
      }
    }
  }

  /** The next queued span, or {@code null} when every stripe is empty; worker only. */
  Span poll() {
    for (int k = 0; k <= mask; k++) {
      int stripe = (cursor + k) & mask;
      Span span = poll(stripe);
      if (span != null) {
        cursor = stripe;
        return span;
      }
    }
    return null;
  }

  private Span poll(int stripe) {
    Span current = heads[stripe];
    Span next = current.nextAcquire();
    if (next == null) {
      return null;
    }
    current.linkRelease(null); // let exported spans go: nothing links to them any more
    heads[stripe] = next;
    takenByStripe[stripe]++;
    touched |= 1L << stripe;
    return next;
  }

  /** Whether every stripe is empty (a span being linked counts as queued); worker only. */
  boolean isEmpty() {
    for (int i = 0; i <= mask; i++) {
      if (SPANS.getVolatile(tails, tailIndex(i)) != heads[i]) {
        return false;
      }
    }
    return true;
  }

  /** Frees room for {@code count} spans polled and exported (or dropped); worker only. */
  void release(int count) {
    long taken = (long) LONGS.getVolatile(counters, takenIndex);
    LONGS.setVolatile(counters, takenIndex, taken + count);
    for (long bits = touched; bits != 0; bits &= bits - 1) {
      int stripe = Long.numberOfTrailingZeros(bits);
      LONGS.setVolatile(completedByStripe, stripe, takenByStripe[stripe]);
    }
    touched = 0;
  }

  /** The spans accepted and not yet taken by the worker: a moment's estimate. */
  long queued() {
    long accepted = 0;
    for (int i = 0; i <= mask; i++) {
      accepted += (long) LONGS.getVolatile(counters, counterIndex(i) + ACCEPTED);
    }
    return Math.max(0, accepted - (long) LONGS.getVolatile(counters, takenIndex));
  }

  /** The number of stripes, the length of {@link #accepted()}. */
  int stripes() {
    return mask + 1;
  }

  /** The spans each stripe has accepted so far: a flush waits until all of them are released. */
  long[] accepted() {
    long[] accepted = new long[stripes()];
    for (int i = 0; i < accepted.length; i++) {
      accepted[i] = (long) LONGS.getVolatile(counters, counterIndex(i) + ACCEPTED);
    }
    return accepted;
  }

  /** Whether every span counted in {@code accepted} has been released. */
  boolean released(long[] accepted) {
    for (int i = 0; i < accepted.length; i++) {
      if ((long) LONGS.getVolatile(completedByStripe, i) < accepted[i]) {
        return false;
      }
    }
    return true;
  }
}
