package io.beliefnet.pipeline.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.beliefnet.avro.IdentityTier;
import io.beliefnet.pipeline.TestRecords;
import io.beliefnet.signing.SignatureCheck;
import io.beliefnet.signing.SignatureCheck.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdentityAuthoritiesTest {

  @Test
  void anEntryThatIsNotIdEqualsKeySaysWhatItShouldBe() {
    assertThatThrownBy(() -> IdentityAuthorities.of(List.of("registrar=not-hex")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'registrar=not-hex' is not id=<key>")
        .hasMessageContaining("64 hex digits");
    assertThatThrownBy(() -> IdentityAuthorities.of(List.of("=" + "ab".repeat(32))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRegistrationVerifiesUnderTheAuthorityItNames() {
    IdentityAuthorities trusted =
        IdentityAuthorities.of(List.of(TestRecords.AUTHORITY.trustEntry()));
    IdentityAuthorities others = IdentityAuthorities.of(List.of());

    assertThat(
            trusted.verify(
                TestRecords.agent("alice", IdentityTier.VERIFIED, 1),
                new SignatureCheck(TestRecords.NETWORK)))
        .isEqualTo(Verdict.VALID);
    assertThat(
            others.verify(
                TestRecords.agent("alice", IdentityTier.VERIFIED, 1),
                new SignatureCheck(TestRecords.NETWORK)))
        .isEqualTo(Verdict.MISMATCH);
  }
}
