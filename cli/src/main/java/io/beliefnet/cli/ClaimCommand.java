package io.beliefnet.cli;

import io.beliefnet.avro.Claim;
import io.beliefnet.sdk.BeliefClient;
import io.beliefnet.sdk.ClaimRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code belief claim}: one signed claim of a registered agent. */
@Command(
    name = "claim",
    mixinStandardHelpOptions = true,
    description = {
      "Signs a claim with the agent's key and publishes it on topic claims, made now. Give a"
          + " distribution (--probabilities) or a single label (--label)."
    })
final class ClaimCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin NetworkOptions network;

  @Option(names = "--agent", required = true, description = "Id of the registered agent.")
  String agentId;

  @Option(names = "--proposition", required = true, description = "Id of the proposition.")
  String proposition;

  @Option(
      names = "--domain",
      required = true,
      description = "Domain of the proposition, e.g. traffic/london.")
  String domain;

  @Option(
      names = "--outcomes",
      required = true,
      split = ",",
      description = "The proposition's outcomes, e.g. open,closed.")
  List<String> outcomes;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Belief belief;

  static final class Belief {
    @Option(
        names = "--probabilities",
        split = ",",
        description = "Probability of each outcome, e.g. 0.2,0.8.")
    List<Double> probabilities;

    @Option(names = "--label", description = "A single label: one of the outcomes.")
    String label;
  }

  @Option(
      names = "--hard",
      description = "The one-hot --probabilities are a hard label, not a certain belief.")
  boolean hard;

  @Option(
      names = "--evidence",
      split = ",",
      description = "Ids of the evidence the claim rests on.")
  List<String> evidence = List.of();

  @Option(names = "--stake", description = "Amount put at stake on this claim.")
  Double stake;

  @Option(
      names = "--key-file",
      description = "The agent's private key (default: .belief/keys/<agent>.key).")
  Path keyFile;

  @Override
  public Integer call() {
    ClaimRequest request =
        ClaimRequest.on(proposition, domain).outcomes(outcomes).evidenceIds(evidence);
    if (belief.label != null) {
      request.label(belief.label);
    } else {
      request.probabilities(belief.probabilities).hardLabel(hard);
    }
    if (stake != null) {
      request.stake(stake);
    }
    var key =
        AgentKeyFiles.load(spec.commandLine(), AgentKeyFiles.resolve(keyFile, agentId), agentId);
    try (BeliefClient client = network.client()) {
      Claim claim;
      try {
        claim = client.agent(agentId, key).claim(request);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      System.out.printf(
          "claim %s of agent %s on %s published: %s %s at %s%n",
          claim.getClaimId(),
          agentId,
          proposition,
          claim.getOutcomes(),
          claim.getProbabilities(),
          claim.getEventTime());
    }
    return 0;
  }
}
