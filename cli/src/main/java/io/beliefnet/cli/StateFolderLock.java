package io.beliefnet.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a local stack's state folder, held while the stack runs: a second stack
 * started in the same folder would wipe the first one's broker. The lock is a file beside the
 * folder (which is wiped at start), holding the id of the process that has it.
 */
final class StateFolderLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private StateFolderLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Locks {@code stateDir} for this process.
   *
   * @throws IllegalStateException naming the process that holds it, if another does
   */
  static StateFolderLock acquire(Path stateDir) {
    Path file = stateDir.resolveSibling(stateDir.getFileName() + ".lock");
    try {
      Files.createDirectories(file.getParent());
      FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
        channel.close();
        throw new IllegalStateException(
            "another local stack (process "
                + (holder.isEmpty() ? "unknown" : holder)
                + ") runs in "
                + stateDir
                + ": stop it first, or start this one with another"
                + " state folder");
      }
      channel.truncate(0);
      channel.write(
          ByteBuffer.wrap(
              String.valueOf(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
      return new StateFolderLock(channel, lock);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock the state folder " + stateDir, e);
    }
  }

  /** The lock, or null if another process or this one already holds it. */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException heldHere) {
      return null;
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the state folder lock", e);
    }
  }
}
