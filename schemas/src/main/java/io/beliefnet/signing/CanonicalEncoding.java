package io.beliefnet.signing;

import io.beliefnet.avro.AgentIdentity;
import io.beliefnet.avro.Claim;
import io.beliefnet.avro.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The bytes an agent signs: the content of a claim or outcome in a fixed, language-neutral layout
 * that does not depend on Avro or on the schema version. Everything is big-endian:
 *
 * <ul>
 *   <li>string: unsigned 32-bit byte length, then the UTF-8 bytes;
 *   <li>bytes: unsigned 32-bit length, then the bytes;
 *   <li>long: signed 64-bit; double: the IEEE 754 binary64 bits as a 64-bit integer;
 *   <li>boolean: one byte, 0 or 1;
 *   <li>list: unsigned 32-bit count, then the items;
 *   <li>optional: one byte 0 when absent, or 1 followed by the value;
 *   <li>hash: its 32 bytes as they are, with no length, since every hash has 32.
 * </ul>
 *
 * <p>A claim is the string {@code beliefnet/claim/v1}, then claimId, agentId, propositionId, domain
 * (strings), outcomes (list of strings), probabilities (list of doubles), hardLabel, eventTime
 * (epoch milliseconds), halfLifeMillis (optional long), stake (optional double), evidenceIds (list
 * of strings); neither its signature nor its batch proof. An outcome is the string {@code
 * beliefnet/outcome/v1}, then outcomeId, propositionId, domain, outcome, resolverId (strings) and
 * observedAt (epoch milliseconds). What a batch signature covers is the string {@code
 * beliefnet/claim-batch/v1}, then the batch's root (a hash). A registration, which its identity
 * authority signs, is the string {@code beliefnet/registration/v1}, then agentId (string),
 * publicKey (bytes), tier (its symbol, a string), controller (string), stake (double), registeredAt
 * (epoch milliseconds), revoked (boolean) and authorityId (string). The leading tags keep a
 * signature of one kind from being valid for another.
 *
 * <p>What is signed is never the content alone but its {@linkplain #message message} for one
 * network: the string {@code beliefnet/network/v1}, the network's id (string), then the content. So
 * a record signed for one belief network does not verify in another.
 */
public final class CanonicalEncoding {

  static final String CLAIM_TAG = "beliefnet/claim/v1";
  static final String OUTCOME_TAG = "beliefnet/outcome/v1";
  static final String BATCH_TAG = "beliefnet/claim-batch/v1";
  static final String REGISTRATION_TAG = "beliefnet/registration/v1";
  static final String NETWORK_TAG = "beliefnet/network/v1";

  /** The id of a network that is given none, as the local stack is: others must set their own. */
  public static final String DEFAULT_NETWORK = "local";

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
  private final DataOutputStream out = new DataOutputStream(bytes);

  private CanonicalEncoding() {}

  /** The signed content of {@code claim} (everything but its signature and batch proof). */
  public static byte[] of(Claim claim) {
    CanonicalEncoding encoding = new CanonicalEncoding();
    encoding.string(CLAIM_TAG);
    encoding.string(claim.getClaimId());
    encoding.string(claim.getAgentId());
    encoding.string(claim.getPropositionId());
    encoding.string(claim.getDomain());
    encoding.strings(claim.getOutcomes());
    encoding.count(claim.getProbabilities().size());
    for (double p : claim.getProbabilities()) {
      encoding.real(p);
    }
    encoding.flag(claim.getHardLabel());
    encoding.integer(claim.getEventTime().toEpochMilli());
    encoding.present(claim.getHalfLifeMillis() != null);
    if (claim.getHalfLifeMillis() != null) {
      encoding.integer(claim.getHalfLifeMillis());
    }
    encoding.present(claim.getStake() != null);
    if (claim.getStake() != null) {
      encoding.real(claim.getStake());
    }
    encoding.strings(claim.getEvidenceIds());
    return encoding.bytes.toByteArray();
  }

  /** The signed content of {@code outcome} (everything but its signature). */
  public static byte[] of(Outcome outcome) {
    CanonicalEncoding encoding = new CanonicalEncoding();
    encoding.string(OUTCOME_TAG);
    encoding.string(outcome.getOutcomeId());
    encoding.string(outcome.getPropositionId());
    encoding.string(outcome.getDomain());
    encoding.string(outcome.getOutcome());
    encoding.string(outcome.getResolverId());
    encoding.integer(outcome.getObservedAt().toEpochMilli());
    return encoding.bytes.toByteArray();
  }

  /**
   * What an identity authority signs of {@code registration}: everything but its signature.
   *
   * @throws NullPointerException if the registration names no authority
   */
  public static byte[] of(AgentIdentity registration) {
    CanonicalEncoding encoding = new CanonicalEncoding();
    encoding.string(REGISTRATION_TAG);
    encoding.string(registration.getAgentId());
    byte[] publicKey = Bytes.of(registration.getPublicKey());
    encoding.count(publicKey.length);
    encoding.raw(publicKey);
    encoding.string(registration.getTier().name());
    encoding.string(registration.getController());
    encoding.real(registration.getStake());
    encoding.integer(registration.getRegisteredAt().toEpochMilli());
    encoding.flag(registration.getRevoked());
    encoding.string(
        Objects.requireNonNull(registration.getAuthorityId(), "the registration's authority id"));
    return encoding.bytes.toByteArray();
  }

  /**
   * What is signed of {@code content} for the belief network {@code network}: the network tag and
   * id, then the content.
   */
  public static byte[] message(String network, byte[] content) {
    CanonicalEncoding encoding = new CanonicalEncoding();
    encoding.string(NETWORK_TAG);
    encoding.string(Objects.requireNonNull(network, "the network id"));
    encoding.raw(content);
    return encoding.bytes.toByteArray();
  }

  /** What a batch signature covers: the batch tag, then the 32-byte {@code root} of its tree. */
  static byte[] ofBatchRoot(byte[] root) {
    CanonicalEncoding encoding = new CanonicalEncoding();
    encoding.string(BATCH_TAG);
    encoding.raw(root);
    return encoding.bytes.toByteArray();
  }

  private void string(String value) {
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    count(utf8.length);
    raw(utf8);
  }

  private void raw(byte[] value) {
    write(() -> out.write(value));
  }

  private void strings(List<String> values) {
    count(values.size());
    values.forEach(this::string);
  }

  private void count(int n) {
    write(() -> out.writeInt(n));
  }

  private void integer(long value) {
    write(() -> out.writeLong(value));
  }

  private void real(double value) {
    write(() -> out.writeLong(Double.doubleToLongBits(value)));
  }

  private void flag(boolean value) {
    write(() -> out.writeByte(value ? 1 : 0));
  }

  private void present(boolean value) {
    flag(value);
  }

  private interface Write {
    void run() throws IOException;
  }

  private static void write(Write write) {
    try {
      write.run();
    } catch (IOException impossible) {
      throw new UncheckedIOException("writing to memory failed", impossible);
    }
  }
}
