package io.beliefnet.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.beliefnet.avro.Rejected;
import io.beliefnet.avro.RejectionReason;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

  @Test
  void deadLetterOfAnyRecordStaysFarBelowTheSinksRequestSize() throws Exception {
    byte[] key = new byte[100_000];
    byte[] value = new byte[4_000_000];
    new SplittableRandom(7).nextBytes(value);
    KafkaInput huge = new KafkaInput("claims", 3, 42, 1_000, key, value);

    Rejected letter = DeadLetters.of(huge, RejectionReason.INVALID_RECORD, "x".repeat(1_000_000));

    assertThat(letter.toByteBuffer().remaining()).isLessThan(70_000);
    assertThat(letter.getOriginalValue().array())
        .isEqualTo(Arrays.copyOf(value, RecordLimits.MAX_VALUE_BYTES));
    assertThat(letter.getOriginalValueSize()).isEqualTo(4_000_000);
    assertThat(letter.getOriginalKeySize()).isEqualTo(100_000);
    assertThat(letter.getOriginalValueSha256().array())
        .isEqualTo(MessageDigest.getInstance("SHA-256").digest(value));
  }

  @Test
  void recordTheJobCouldAcceptIsCarriedWhole() {
    byte[] value = new byte[RecordLimits.MAX_VALUE_BYTES];
    byte[] key = "bridge-12".getBytes();
    KafkaInput record = new KafkaInput("claims", 0, 1, 1_000, key, value);

    Rejected letter = DeadLetters.of(record, RejectionReason.LATE, "late");

    assertThat(letter.getOriginalValue().array()).isEqualTo(value);
    assertThat(letter.getOriginalKey().array()).isEqualTo(key);
  }
}
