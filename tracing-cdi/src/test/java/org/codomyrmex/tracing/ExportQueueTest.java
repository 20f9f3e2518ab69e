package org.codomyrmex.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ExportQueueTest {

  @Test
  void neverHoldsMoreThanTheCapacityWhateverTheThreads() throws Exception {
    ExportQueue queue = new ExportQueue(1000, 4);
    AtomicLong accepted = new AtomicLong();
    runThreads(8, 5_000, (thread, i) -> accepted.addAndGet(queue.offer(newSpan()) >= 0 ? 1 : 0));

    assertThat(accepted.get()).isBetween(1000L - 8 * 31, 1000L);
    assertThat(drain(queue)).hasSize((int) accepted.get());
  }

  @Test
  void everySpanComesOutOnceAndEachThreadInItsOrder() throws Exception {
    ExportQueue queue = new ExportQueue(1_000_000, 4);
    Map<Span, long[]> origin = new ConcurrentHashMap<>();
    runThreads(
        6,
        20_000,
        (thread, i) -> {
          Span span = newSpan();
          origin.put(span, new long[] {thread, i});
          assertThat(queue.offer(span)).isNotEqualTo(ExportQueue.FULL);
        });

    List<Span> out = drain(queue);
    assertThat(new HashSet<>(out)).hasSize(6 * 20_000);
    Map<Long, Long> last = new HashMap<>();
    for (Span span : out) {
      long[] from = origin.get(span);
      assertThat(from[1]).isGreaterThan(last.getOrDefault(from[0], -1L));
      last.put(from[0], from[1]);
    }
  }

  @Test
  void roomComesBackWhenSpansAreReleased() {
    ExportQueue queue = new ExportQueue(10, 1);
    for (int i = 0; i < 10; i++) {
      assertThat(queue.offer(newSpan())).isNotEqualTo(ExportQueue.FULL);
    }
    assertThat(queue.offer(newSpan())).isEqualTo(ExportQueue.FULL);

    long[] accepted = queue.accepted();
    assertThat(queue.released(accepted)).isFalse();
    assertThat(drain(queue)).hasSize(10);
    assertThat(queue.released(accepted)).isTrue();
    assertThat(queue.isEmpty()).isTrue();
    assertThat(queue.offer(newSpan())).isNotEqualTo(ExportQueue.FULL);
  }

  @Test
  void reportsTheLengthWhenItTakesRoomSoTheWorkerCanBeWoken() {
    ExportQueue queue = new ExportQueue(2048, 1);
    long largest = 0;
    for (int i = 0; i < 300; i++) {
      largest = Math.max(largest, queue.offer(newSpan()));
    }
    assertThat(largest).isBetween(300L, 300L + 32);
  }

  private interface Offer {
    void offer(int thread, int index) throws Exception;
  }

  private static void runThreads(int threads, int perThread, Offer offer) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> started = new ArrayList<>();
    Set<Throwable> failures = ConcurrentHashMap.newKeySet();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread worker =
          new Thread(
              () -> {
                try {
                  start.await();
                  for (int i = 0; i < perThread; i++) {
                    offer.offer(thread, i);
                  }
                } catch (Throwable e) {
                  failures.add(e);
                }
              });
      worker.start();
      started.add(worker);
    }
    start.countDown();
    for (Thread worker : started) {
      worker.join();
    }
    assertThat(failures).isEmpty();
  }

  private static List<Span> drain(ExportQueue queue) {
    List<Span> out = new ArrayList<>();
    Span span;
    while ((span = queue.poll()) != null) {
      out.add(span);
    }
    queue.release(out.size());
    return out;
  }

  private static Span newSpan() {
    return Span.noop();
  }
}
