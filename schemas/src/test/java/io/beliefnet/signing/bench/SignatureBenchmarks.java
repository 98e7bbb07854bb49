package io.beliefnet.signing.bench;

import io.beliefnet.avro.Claim;
import io.beliefnet.signing.AgentKey;
import io.beliefnet.signing.CanonicalEncoding;
import io.beliefnet.signing.SampleClaims;
import io.beliefnet.signing.SignatureCheck.Verdict;
import io.beliefnet.signing.TestNetwork;
import io.beliefnet.signing.VerifiedRoots;
import io.beliefnet.signing.VerifyingKey;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost of verifying one claim's signature: with the registered key decoded once ({@link
 * VerifyingKey}), with the key decoded for every claim, with the JDK's own Ed25519 and a decoded
 * key for comparison, and per claim of a signed batch of {@value #BATCH} verified in a row with
 * {@link VerifiedRoots}, which checks the batch's signature once. Run with {@link
 * SignatureBenchmarkRunner}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SignatureBenchmarks {
  private static final int BATCH = 256;

  private final AgentKey agent = AgentKey.fromSeed(7);
  private final ByteBuffer publicKey = agent.publicKey();
  private final VerifyingKey key = VerifyingKey.fromX509(publicKey).orElseThrow();
  private Claim claim;
  private List<Claim> batch;
  private PublicKey jdkKey;

  @Setup
  public void signClaims() throws GeneralSecurityException {
    claim = agent.sign(TestNetwork.ID, SampleClaims.claim(0));
    batch = agent.signBatch(TestNetwork.ID, SampleClaims.claims(BATCH));
    byte[] x509 = new byte[publicKey.remaining()];
    publicKey.duplicate().get(x509);
    jdkKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
  }

  @Benchmark
  public Verdict decodedKey() {
    return TestNetwork.CHECK.verify(claim, key);
  }

  @Benchmark
  public Verdict keyDecodedPerClaim() {
    return TestNetwork.CHECK.verify(claim, publicKey);
  }

  @Benchmark
  public boolean jdkDecodedKey() throws GeneralSecurityException {
    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(jdkKey);
    verifier.update(CanonicalEncoding.message(TestNetwork.ID, CanonicalEncoding.of(claim)));
    byte[] signature = new byte[claim.getSignature().remaining()];
    claim.getSignature().duplicate().get(signature);
    return verifier.verify(signature);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void batchedClaim(Blackhole verdicts) {
    VerifiedRoots verified = new VerifiedRoots(16);
    for (Claim batched : batch) {
      verdicts.consume(TestNetwork.CHECK.verify(batched, key, verified));
    }
  }
}
