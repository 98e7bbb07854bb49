package io.beliefnet.cli;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateFolderLockTest {

  @Test
  void secondStackInTheSameFolderIsRefusedNamingTheHolder(@TempDir Path dir) {
    Path state = dir.resolve("local");
    try (StateFolderLock first = StateFolderLock.acquire(state)) {
      assertThatThrownBy(() -> StateFolderLock.acquire(state))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("process " + ProcessHandle.current().pid())
          .hasMessageContaining("another state folder");
    }
    assertThatCode(() -> StateFolderLock.acquire(state).close()).doesNotThrowAnyException();
  }
}
