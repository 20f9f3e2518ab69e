package org.codomyrmex.tracing.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * An append-only file shared by every exporter of the process that names the same path, so that
 * concurrent writers never interleave their lines.
 */
final class SharedFile {
  // Guarded by itself; keys are canonical paths.
  private static final Map<Path, SharedFile> OPEN = new HashMap<>();

  private final Path path;
  private FileChannel channel; // guarded by this
  private boolean released; // guarded by this: the last user left, never reopen
  private int users; // guarded by OPEN

  private SharedFile(Path path, FileChannel channel) {
    this.path = path;
    this.channel = channel;
  }

  /** Opens (creating it and its directories) or joins the file at {@code path}. */
  static SharedFile acquire(Path path) throws IOException {
    Path key = canonical(path);
    synchronized (OPEN) {
      SharedFile file = OPEN.get(key);
      if (file == null) {
        file = new SharedFile(key, open(key));
        OPEN.put(key, file);
      }
      file.users++;
      return file;
    }
  }

  // The real parent directory plus the file name: two spellings of one file share one writer.
  private static Path canonical(Path path) throws IOException {
    Path absolute = path.toAbsolutePath().normalize();
    Path parent = absolute.getParent();
    if (parent == null || absolute.getFileName() == null) {
      throw new IOException("not a file path");
    }
    Files.createDirectories(parent);
    Path real = parent.toRealPath().resolve(absolute.getFileName());
    if (Files.isDirectory(real)) {
      throw new IOException("is a directory");
    }
    return real;
  }

  private static FileChannel open(Path path) throws IOException {
    return FileChannel.open(
        path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  /** The canonical path of the file. */
  Path path() {
    return path;
  }

  /** Appends all of {@code data} in one critical section. */
  synchronized void append(ByteBuffer data) throws IOException {
    uninterruptibly(
        () -> {
          while (data.hasRemaining()) {
            channel.write(data);
          }
        });
  }

  /** Forces appended data to the storage device. */
  synchronized void force() throws IOException {
    uninterruptibly(() -> channel.force(false));
  }

  // An interrupt closes a FileChannel for every user: write with the flag cleared, then restore
  // it, and reopen a channel some other interrupted thread closed.
  private void uninterruptibly(Io action) throws IOException {
    boolean interrupted = Thread.interrupted();
    try {
      if (!channel.isOpen() && !released) {
        channel = open(path);
      }
      action.run();
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Leaves the file; the last user closes it. */
  void release() throws IOException {
    synchronized (OPEN) {
      if (--users > 0) {
        return;
      }
      OPEN.remove(path);
    }
    synchronized (this) {
      released = true;
      channel.close();
    }
  }

  @FunctionalInterface
  private interface Io {
    void run() throws IOException;
  }
}
