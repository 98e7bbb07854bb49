package io.beliefnet.cli;

import io.beliefnet.avro.Outcome;
import io.beliefnet.sdk.BeliefClient;
import io.beliefnet.signing.AgentKey;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code belief outcome}: a resolver's signed outcome. */
@Command(
    name = "outcome",
    mixinStandardHelpOptions = true,
    description = {
      "Publishes that a proposition resolved to an outcome, observed now, signed by a resolver the"
          + " job trusts: by default the local stack's resolver with its development key."
    })
final class OutcomeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin NetworkOptions network;

  @Option(names = "--proposition", required = true, description = "Id of the resolved proposition.")
  String proposition;

  @Option(
      names = "--domain",
      required = true,
      description = "Domain of the proposition, as its claims state it.")
  String domain;

  @Option(names = "--outcome", required = true, description = "The outcome it resolved to.")
  String outcome;

  @Option(
      names = "--resolver",
      defaultValue = LocalStack.RESOLVER,
      description = "Id of the resolver (default: ${DEFAULT-VALUE}).")
  String resolver;

  @Option(
      names = "--key-file",
      description =
          "The resolver's private key; required unless the resolver is the local stack's.")
  Path keyFile;

  @Override
  public Integer call() {
    AgentKey key;
    if (keyFile != null) {
      key = AgentKeyFiles.load(spec.commandLine(), keyFile, resolver);
    } else if (resolver.equals(LocalStack.RESOLVER)) {
      key = LocalStack.resolverKey();
    } else {
      throw new ParameterException(
          spec.commandLine(), "resolver " + resolver + " needs --key-file");
    }
    try (BeliefClient client = network.client()) {
      Outcome published;
      try {
        published = client.agent(resolver, key).resolve(proposition, domain, outcome);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
      System.out.printf(
          "outcome %s of %s published by %s at %s%n",
          outcome, proposition, resolver, published.getObservedAt());
    }
    return 0;
  }
}
