package io.beliefnet.pipeline;

import io.beliefnet.model.AgentProfile;
import io.beliefnet.model.EvidencePlanner;
import io.beliefnet.model.Reliability;

/**
 * An agent the network could ask for evidence in a domain, with what is learned about it there: the
 * claimant stage sends one whenever the agent's reliability changes. A Flink POJO.
 */
public class EvidenceCandidate {
  public String agentId;
  public String domain;
  public String controller;

  /** Its confusion matrix, row by row (row = truth, column = label). */
  public double[] confusion;

  public double independence;

  /** Its worth on an even belief ({@link EvidencePlanner#informativeness}): how it is ranked. */
  public double informativeness;

  /** The model's view, built once per object: the proposition stage plans with it per claim. */
  private transient EvidencePlanner.Candidate model;

  public EvidenceCandidate() {}

  static EvidenceCandidate of(Reliability reliability, AgentProfile agent) {
    EvidenceCandidate candidate = new EvidenceCandidate();
    candidate.agentId = reliability.agentId();
    candidate.domain = reliability.domain();
    candidate.controller = agent.controller();
    int outcomes = reliability.confusion().length;
    candidate.confusion = new double[outcomes * outcomes];
    for (int truth = 0; truth < outcomes; truth++) {
      System.arraycopy(
          reliability.confusion()[truth], 0, candidate.confusion, truth * outcomes, outcomes);
    }
    candidate.independence = reliability.independence();
    candidate.informativeness = EvidencePlanner.informativeness(candidate.toModel());
    return candidate;
  }

  EvidencePlanner.Candidate toModel() {
    if (model == null) {
      model = unflattened();
    }
    return model;
  }

  private EvidencePlanner.Candidate unflattened() {
    int outcomes = (int) Math.round(Math.sqrt(confusion.length));
    double[][] rows = new double[outcomes][outcomes];
    for (int truth = 0; truth < outcomes; truth++) {
      System.arraycopy(confusion, truth * outcomes, rows[truth], 0, outcomes);
    }
    return new EvidencePlanner.Candidate(agentId, controller, rows, independence);
  }
}
