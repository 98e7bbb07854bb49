package io.beliefnet.cli;

import io.beliefnet.avro.IdentityTier;
import io.beliefnet.sdk.AgentRegistration;
import io.beliefnet.sdk.BeliefClient;
import io.beliefnet.signing.AgentKey;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code belief register}: a new agent identity with a new key. */
@Command(
    name = "register",
    mixinStandardHelpOptions = true,
    description = {
      "Creates an Ed25519 key, saves its private half to the key file (readable by you only) and"
          + " registers the agent with the public half on topic agents. Prints the public key."
    })
final class RegisterCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin NetworkOptions network;

  @Option(names = "--agent", required = true, description = "Id of the agent.")
  String agentId;

  @Option(
      names = "--controller",
      required = true,
      description = "Operator or organisation running the agent.")
  String controller;

  @Option(
      names = "--tier",
      defaultValue = "UNVERIFIED",
      description = "Identity tier: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  IdentityTier tier;

  @Option(
      names = "--stake",
      defaultValue = "0",
      description = "Capital at stake (default: ${DEFAULT-VALUE}).")
  double stake;

  @Option(
      names = "--key-file",
      description =
          "Where to save the private key (default: .belief/keys/<agent>.key); must not exist.")
  Path keyFile;

  @Override
  public Integer call() throws IOException {
    AgentRegistration registration;
    try {
      registration = new AgentRegistration(agentId, controller, tier, stake);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    Path file = AgentKeyFiles.resolve(keyFile, agentId);
    AgentKey key = AgentKey.generate();
    try {
      key.save(file);
    } catch (FileAlreadyExistsException e) {
      throw new ParameterException(
          spec.commandLine(),
          "key file " + file + " exists already: pass another --key-file, or remove it");
    }
    try (BeliefClient client = network.client()) {
      client.register(registration, key);
    } catch (RuntimeException notRegistered) {
      Files.delete(file); // a key nobody registered is of no use
      throw notRegistered;
    }
    System.out.printf(
        "registered agent %s (tier %s, controller %s, stake %s)%n",
        agentId, tier, controller, stake);
    System.out.println(
        "public key (X.509, base64): "
            + Base64.getEncoder().encodeToString(key.publicKey().array()));
    System.out.println("private key saved to " + file);
    return 0;
  }
}
