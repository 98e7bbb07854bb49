package io.beliefnet.kafka;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * SASL/SCRAM-SHA-512 authentication and ACL authorization for a {@link ChildProcessKafkaBroker}.
 * Every user in {@code passwords} gets a SCRAM credential when the storage is formatted; {@code
 * superUser} is also the broker's own identity between its listeners and may do anything. Everyone
 * else may do only what an ACL allows: with no ACL, a request is denied.
 *
 * @param superUser the broker's and administrators' user name; must have a password
 * @param passwords password of every user, by user name
 */
public record SecureBrokerSettings(String superUser, Map<String, String> passwords) {

  /** The one SASL mechanism the broker enables. */
  public static final String MECHANISM = "SCRAM-SHA-512";

  static final String PROTOCOL = "SASL_PLAINTEXT";

  /**
   * Names and passwords are written into the format command's {@code [name=…,password=…]} and into
   * JAAS settings, where brackets, commas, quotes or spaces would break them.
   */
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+");

  public SecureBrokerSettings {
    passwords = Map.copyOf(passwords);
    if (!passwords.containsKey(superUser)) {
      throw new IllegalArgumentException("the super user " + superUser + " needs a password");
    }
    passwords.forEach(
        (user, password) -> {
          if (!SAFE.matcher(user).matches() || !SAFE.matcher(password).matches()) {
            throw new IllegalArgumentException(
                "names and passwords may hold only letters, digits, '.', '_' and '-': " + user);
          }
        });
  }

  /**
   * Settings for any Kafka client (producer, consumer, admin) that connects to {@code
   * bootstrapServers} as {@code user}.
   */
  public Map<String, Object> clientConfig(String bootstrapServers, String user) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, PROTOCOL);
    config.put(SaslConfigs.SASL_MECHANISM, MECHANISM);
    config.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig(user));
    return config;
  }

  /** {@code StorageTool format} arguments that store every user's SCRAM credential. */
  List<String> formatArguments() {
    List<String> arguments = new ArrayList<>();
    passwords.forEach(
        (user, password) -> {
          arguments.add("--add-scram");
          arguments.add(MECHANISM + "=[name=" + user + ",password=" + password + "]");
        });
    return arguments;
  }

  /** Broker settings beyond the listeners that turn on SCRAM and the ACL authorizer. */
  List<String> serverProperties() {
    return List.of(
        "sasl.enabled.mechanisms=" + MECHANISM,
        "sasl.mechanism.inter.broker.protocol=" + MECHANISM,
        "listener.name."
            + PROTOCOL.toLowerCase()
            + "."
            + MECHANISM.toLowerCase()
            + ".sasl.jaas.config="
            + jaasConfig(superUser),
        "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer",
        "allow.everyone.if.no.acl.found=false",
        // The broker registers with its controller over the unauthenticated loopback controller
        // listener, where it is User:ANONYMOUS; without super-user rights it could not register.
        // No client listener accepts unauthenticated connections.
        "super.users=User:" + superUser + ";User:ANONYMOUS");
  }

  /** Names the users but not their passwords, which would otherwise end up in logs. */
  @Override
  public String toString() {
    return "SecureBrokerSettings[superUser=" + superUser + ", users=" + passwords.keySet() + "]";
  }

  private String jaasConfig(String user) {
    if (!passwords.containsKey(user)) {
      throw new IllegalArgumentException("no such user: " + user);
    }
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + user
        + "\" password=\""
        + passwords.get(user)
        + "\";";
  }
}
