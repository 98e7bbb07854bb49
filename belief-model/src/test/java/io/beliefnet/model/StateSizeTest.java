package io.beliefnet.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The bytes of state kept per agent-domain and per open claim, as documented on the state classes.
 */
class StateSizeTest {

  @Test
  void agentDomainStateHasAFixedSizeWhateverTheNumberOfClaims() throws IOException {
    BeliefNetwork network = new BeliefNetwork();
    network.register(new AgentProfile("agent", "agent", IdentityTier.VERIFIED, 0));
    for (int i = 0; i < 500; i++) {
      network.claim(Claim.label(PropositionSpec.of("p" + i, "d", 2), "agent", i, i % 2));
      network.claim(Claim.distribution(PropositionSpec.of("f" + i, "d", 2), "agent", i, 0.3, 0.7));
      network.resolve(new Outcome("p" + i, 1, i));
      network.resolve(new Outcome("f" + i, 1, i));
    }
    AgentDomainState state = new AgentDomainState();
    state.ensureOutcomes(2);

    assertThat(encode(state)).isEqualTo(AgentDomainState.serializedBytes(2)).isEqualTo(412);
    assertThat(AgentDomainState.serializedBytes(4)).isEqualTo(604);
  }

  @Test
  void openHardLabelClaimTakesAboutOneHundredAndFiftyBytes() throws IOException {
    ClaimState claim =
        ClaimState.of(
            Claim.label(PropositionSpec.of("p", "d", 2), "agent-01", 0, 1),
            new AgentProfile("agent-01", "agent-01", IdentityTier.VERIFIED, 0),
            0);
    claim.setConsensusContribution(new double[] {0.2, 0.8});
    claim.setStamp(new ClaimantStamp(new double[] {-1.2, -0.4}, 1, 0.9));

    assertThat(encode(claim)).isEqualTo(claim.serializedBytes()).isEqualTo(149);
  }

  @Test
  void networkStateGrowsByTheClaimAndItsIdsPerOpenClaim() {
    BeliefNetwork network = new BeliefNetwork();
    network.claim(Claim.label(PropositionSpec.of("p", "d", 2), "agent-01", 0, 1));
    long one = network.propositionStateBytes();
    network.claim(Claim.label(PropositionSpec.of("p", "d", 2), "agent-02", 1, 1));

    // the claim, then its id among those applied and as the agent's standing claim, and the
    // consensus credit of the first claim, which it had none of while it was alone
    int bookkeeping = (2 + "claim-1".length() + 1) + (2 + "agent-02".length() + 2 + 7);
    int firstClaimsCredit = 2 * Double.BYTES;
    assertThat(network.propositionStateBytes() - one)
        .isEqualTo(149 + bookkeeping + firstClaimsCredit);
  }

  /** A compact binary encoding of every field, as a keyed state backend would write it. */
  private static int encode(AgentDomainState state) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(state.getMatrixSize());
      writeDoubles(out, state.getSupervisedCounts());
      writeDoubles(out, state.getConsensusCounts());
      writeDoubles(out, state.getCalibrationLogLikelihood());
      writeDoubles(out, state.getIndependenceLogLikelihood());
      out.writeLong(state.getSupervisedClaims());
      out.writeLong(state.getCalibrationClaims());
      ReputationLedger ledger = state.getLedger();
      out.writeLong(ledger.getSettledClaims());
      out.writeDouble(ledger.getSettlementTotal());
      out.writeDouble(ledger.getInformationGainTotal());
      out.writeDouble(ledger.getLogScoreTotal());
      out.writeDouble(ledger.getBrierTotal());
    }
    return bytes.size();
  }

  private static int encode(ClaimState claim) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeUTF(claim.getAgentId());
      out.writeUTF(claim.getController());
      out.writeByte(claim.getPriorTier().ordinal() * 2 + (claim.isInfluenceCapped() ? 1 : 0));
      out.writeInt(claim.getLabel());
      out.writeLong(claim.getEventTime());
      out.writeLong(claim.getSequence());
      out.writeDouble(claim.getStake());
      if (claim.getProbabilities() != null) {
        out.writeInt(claim.getProbabilities().length);
        writeDoubles(out, claim.getProbabilities());
      }
      out.writeInt(claim.getEvidenceIds().length);
      for (String id : claim.getEvidenceIds()) {
        out.writeUTF(id);
      }
      out.writeInt(
          claim.getConsensusContribution() == null ? 0 : claim.getConsensusContribution().length);
      if (claim.getConsensusContribution() != null) {
        writeDoubles(out, claim.getConsensusContribution());
      }
      out.writeInt(claim.getScoredOutcome());
      out.writeDouble(claim.getSettlement());
      out.writeDouble(claim.getInformationGain());
      out.writeDouble(claim.getLogScore());
      out.writeDouble(claim.getBrier());
      out.writeInt(
          claim.getIndependenceCredit() == null ? 0 : claim.getIndependenceCredit().length);
      if (claim.getIndependenceCredit() != null) {
        writeDoubles(out, claim.getIndependenceCredit());
      }
      double[] stamped = claim.getStamp().labelLogLikelihood();
      out.writeInt(stamped == null ? 0 : stamped.length);
      if (stamped != null) {
        writeDoubles(out, stamped);
      }
      out.writeDouble(claim.getStamp().calibrationSlope());
      out.writeDouble(claim.getStamp().independence());
    }
    return bytes.size();
  }

  private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
    for (double v : values) {
      out.writeDouble(v);
    }
  }
}
