package io.beliefnet.cli;

import io.beliefnet.avro.IdentityTier;
import io.beliefnet.sdk.AgentRegistration;
import io.beliefnet.sdk.BeliefClient;
import io.beliefnet.signing.AgentKey;
import io.beliefnet.signing.IdentityAuthority;
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

/**
 * {@code belief register}: the identity authority's side. Issues an agent a new key (a first
 * registration, or a rotation), or revokes its key.
 */
@Command(
    name = "register",
    mixinStandardHelpOptions = true,
    description = {
      "As an identity authority: creates an Ed25519 key for the agent, saves its private half to"
          + " the key file (readable by you only) and issues the agent's registration with the"
          + " public half on topic agents, signed with the authority's key. Registering again"
          + " with another key file rotates the key; --revoke revokes the key in the key file."
          + " Prints the public key."
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
          "The agent's private key file (default: .belief/keys/<agent>.key); must not exist,"
              + " unless with --revoke.")
  Path keyFile;

  @Option(
      names = "--revoke",
      description = "Revoke the key in the key file instead of issuing a new one.")
  boolean revoke;

  @Option(
      names = "--authority-id",
      defaultValue = LocalStack.AUTHORITY,
      description =
          "Id of the identity authority, as the job trusts it (default: ${DEFAULT-VALUE}).")
  String authorityId;

  @Option(
      names = "--authority-key",
      description =
          "The authority's private key file (default: the development authority of the local"
              + " stack run in this folder, "
              + LocalEndpoints.DEFAULT_STATE_FOLDER
              + "/"
              + LocalStack.AUTHORITY_KEY_FILE
              + ").")
  Path authorityKey;

  @Override
  public Integer call() throws IOException {
    AgentRegistration registration;
    try {
      registration = new AgentRegistration(agentId, controller, tier, stake);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    IdentityAuthority authority =
        new IdentityAuthority(
            authorityId,
            AgentKeyFiles.loadOr(
                spec.commandLine(),
                authorityKey != null
                    ? authorityKey
                    : LocalEndpoints.DEFAULT_STATE_DIR.resolve(LocalStack.AUTHORITY_KEY_FILE),
                "pass the identity authority's --authority-key, or run this where 'bin/belief"
                    + " local' runs: its development authority's key is there"));
    Path file = AgentKeyFiles.resolve(keyFile, agentId);
    if (revoke) {
      AgentKey key = AgentKeyFiles.load(spec.commandLine(), file, agentId);
      try (BeliefClient client = network.client()) {
        client.revoke(registration, key.publicKey(), authority);
      }
      System.out.printf("revoked the key of agent %s in %s%n", agentId, file);
      return 0;
    }
    AgentKey key = AgentKey.generate();
    try {
      key.save(file);
    } catch (FileAlreadyExistsException e) {
      throw new ParameterException(
          spec.commandLine(),
          "key file " + file + " exists already: pass another --key-file, or remove it");
    }
    try (BeliefClient client = network.client()) {
      client.issue(registration, key.publicKey(), authority);
    } catch (RuntimeException notRegistered) {
      Files.delete(file); // a key nobody registered is of no use
      throw notRegistered;
    }
    System.out.printf(
        "registered agent %s (tier %s, controller %s, stake %s), issued by %s%n",
        agentId, tier, controller, stake, authorityId);
    System.out.println(
        "public key (X.509, base64): "
            + Base64.getEncoder().encodeToString(key.publicKey().array()));
    System.out.println("private key saved to " + file);
    return 0;
  }
}
