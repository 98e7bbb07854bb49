package io.beliefnet.pipeline;

import io.beliefnet.avro.IdentityTier;
import io.beliefnet.signing.CanonicalEncoding;
import io.beliefnet.topics.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;

/**
 * The job's own configuration options. They are read from command-line arguments ({@code
 * --kafka.bootstrap-servers host:9092}) or the Flink configuration; Flink's own options
 * (parallelism, checkpointing, state backend) are set the usual Flink way.
 */
public final class BeliefJobOptions {

  public static final ConfigOption<String> BOOTSTRAP_SERVERS =
      ConfigOptions.key("kafka.bootstrap-servers")
          .stringType()
          .defaultValue("127.0.0.1:9092")
          .withDescription("Kafka bootstrap servers of the cluster holding every topic.");

  public static final ConfigOption<String> SCHEMA_REGISTRY_URL =
      ConfigOptions.key("schema.registry.url")
          .stringType()
          .defaultValue("http://127.0.0.1:8081")
          .withDescription("Base URL of a Confluent-compatible schema registry.");

  public static final ConfigOption<String> GROUP_ID =
      ConfigOptions.key("kafka.group-id")
          .stringType()
          .defaultValue("belief-job")
          .withDescription("Consumer group id used to report the job's committed input offsets.");

  public static final ConfigOption<String> TRANSACTIONAL_ID_PREFIX =
      ConfigOptions.key("kafka.transactional-id-prefix")
          .stringType()
          .defaultValue("belief-job")
          .withDescription(
              "Prefix of the transactional ids of the exactly-once sinks; unique per job.");

  public static final ConfigOption<String> KAFKA_PROPERTIES_FILE =
      ConfigOptions.key("kafka.properties-file")
          .stringType()
          .noDefaultValue()
          .withDescription(
              "Kafka client properties (security.protocol, sasl.*, ssl.*) applied to every Kafka"
                  + " client of the job; the job's own Kafka options take precedence, except that"
                  + " linger.ms and batch.size here replace its sinks' batching (100 ms, 64 KB).");

  public static final ConfigOption<Duration> MAX_OUT_OF_ORDERNESS =
      ConfigOptions.key("events.max-out-of-orderness")
          .durationType()
          .defaultValue(Duration.ofSeconds(1))
          .withDescription(
              "How far behind the newest event time an input may arrive and count; a claim's or"
                  + " outcome's Kafka timestamp must also be this close to its signed event or"
                  + " observation time.");

  public static final ConfigOption<Duration> IDLE_TIMEOUT =
      ConfigOptions.key("events.idle-timeout")
          .durationType()
          .defaultValue(Duration.ofSeconds(5))
          .withDescription(
              "A partition that has read no decoded record for this long, and whose last one was"
                  + " not live, stops holding back the watermark; a live partition follows the"
                  + " wall clock after a quiet spell of the out-of-orderness instead.");

  public static final ConfigOption<Duration> OPEN_RETENTION =
      ConfigOptions.key("state.open-retention")
          .durationType()
          .defaultValue(Duration.ofDays(30))
          .withDescription(
              "Event time an open proposition is kept after its latest claim; one that nobody"
                  + " claims on for this long is forgotten, and a later claim starts it afresh.");

  public static final ConfigOption<Duration> RESOLVED_RETENTION =
      ConfigOptions.key("state.resolved-retention")
          .durationType()
          .defaultValue(Duration.ofDays(1))
          .withDescription(
              "Event time a resolved proposition is kept for corrections and late claims.");

  public static final ConfigOption<Duration> MAX_CLOCK_SKEW =
      ConfigOptions.key("events.max-clock-skew")
          .durationType()
          .defaultValue(Duration.ofMinutes(5))
          .withDescription(
              "A record stamped further than this ahead of the job's clock is rejected and does"
                  + " not move event time.");

  public static final ConfigOption<Integer> MAX_HELD_EVENTS =
      ConfigOptions.key("events.max-held-in-memory")
          .intType()
          .defaultValue(IdentityOperator.MAX_HELD)
          .withDescription(
              "Events the identity stage holds in memory per subtask until the watermark passes"
                  + " them, about 1 KB each; honest traffic needs about its rate times the"
                  + " out-of-orderness. Beyond it, events wait in keyed state instead (records"
                  + " stamped far ahead: metric events_spilled).");

  public static final ConfigOption<String> NETWORK_ID =
      ConfigOptions.key("network.id")
          .stringType()
          .defaultValue(CanonicalEncoding.DEFAULT_NETWORK)
          .withDescription(
              "The id of this belief network. Every signature covers it, so a record signed for"
                  + " another network is rejected (BAD_SIGNATURE): give each network its own, and"
                  + " its agents and authorities the same.");

  public static final ConfigOption<List<String>> IDENTITY_AUTHORITIES =
      ConfigOptions.key("trust.identity-authorities")
          .stringType()
          .asList()
          .defaultValues()
          .withDescription(
              "The identity authorities whose signed registrations the job applies, separated by"
                  + " `;`: `id=key`, the key being the authority's Ed25519 public key as 64 hex"
                  + " digits. Registrations nobody listed signed are rejected; none are accepted"
                  + " until this is set.");

  public static final ConfigOption<IdentityTier> OPENER_TIER =
      ConfigOptions.key("trust.opener-tier")
          .enumType(IdentityTier.class)
          .defaultValue(IdentityTier.VERIFIED)
          .withDescription(
              "The least identity tier whose claim may open a proposition, fixing its outcomes and"
                  + " half-life: a first claim by an agent of a lower tier is rejected"
                  + " (UNKNOWN_PROPOSITION), so nobody an authority did not vouch for can squat a"
                  + " proposition.");

  public static final ConfigOption<Integer> REQUESTS_PER_PROPOSITION =
      ConfigOptions.key("requests.per-proposition")
          .intType()
          .defaultValue(2)
          .withDescription(
              "Evidence requests the job may make about one open proposition within each"
                  + " requests.expiry, to the agents whose next claim would most reduce its"
                  + " expected loss; 0 asks nobody.");

  public static final ConfigOption<Integer> REQUESTS_PER_AGENT =
      ConfigOptions.key("requests.per-agent")
          .intType()
          .defaultValue(10)
          .withDescription(
              "Evidence requests one agent may receive within each requests.expiry; requests"
                  + " beyond it are not sent.");

  public static final ConfigOption<Duration> REQUESTS_EXPIRY =
      ConfigOptions.key("requests.expiry")
          .durationType()
          .defaultValue(Duration.ofHours(1))
          .withDescription(
              "How long an evidence request stands, in event time, and the period the request"
                  + " budgets count over.");

  public static final ConfigOption<List<String>> RESOLVERS =
      ConfigOptions.key("trust.resolvers")
          .stringType()
          .asList()
          .defaultValues()
          .withDescription(
              // the bars are escaped for the README's Markdown table, which is checked against it
              "The agents allowed to publish outcomes, separated by `;`: an id resolves any"
                  + " domain, `id\\|scope` only the domain `scope`, or every domain under it if it"
                  + " ends in `/` (`inspector\\|traffic/`). Outcomes from anyone else are rejected;"
                  + " none are accepted until this is set.");

  /** One option per identity tier, {@code trust.claims-per-second.<tier>}. */
  public static final Map<IdentityTier, ConfigOption<Double>> CLAIMS_PER_SECOND =
      perTier(
          "trust.claims-per-second",
          Map.of(
              IdentityTier.UNVERIFIED,
              1.0,
              IdentityTier.VERIFIED,
              10.0,
              IdentityTier.ATTESTED,
              100.0),
          "Sustained claims per second of event time an agent of tier %s may make; claims beyond"
              + " it are rejected.");

  public static final ConfigOption<Duration> CLAIM_BURST =
      ConfigOptions.key("trust.claim-burst")
          .durationType()
          .defaultValue(Duration.ofMinutes(1))
          .withDescription(
              "How much of its rate an agent may spend at once: a quiet agent may send this long's"
                  + " worth of claims in a burst.");

  /** One option per identity tier, {@code trust.controller-weight-cap.<tier>}. */
  public static final Map<IdentityTier, ConfigOption<Double>> CONTROLLER_WEIGHT_CAP =
      perTier(
          "trust.controller-weight-cap",
          Map.of(
              IdentityTier.UNVERIFIED, 1.0, IdentityTier.VERIFIED, 1.0, IdentityTier.ATTESTED, 1.0),
          "How many independent claims' weight the agents of one controller of tier %s (or claims"
              + " sharing an evidence id) carry together on a proposition.");

  public static final ConfigOption<Double> UNVERIFIED_TOTAL_WEIGHT =
      ConfigOptions.key("trust.unverified-total-weight")
          .doubleType()
          .defaultValue(1.0)
          .withDescription(
              "How many independent claims' weight all unverified, unstaked claims on a"
                  + " proposition carry together, however many identities make them.");

  public static final ConfigOption<Double> MINIMUM_STAKE =
      ConfigOptions.key("trust.minimum-stake")
          .doubleType()
          .defaultValue(1.0)
          .withDescription(
              "The least stake that counts: an agent with less registered, or a claim that puts"
                  + " less at risk, is treated as unstaked (influence-capped if unverified), so a"
                  + " dust stake buys no influence.");

  /** One option per topic, {@code topic.<default name>}, defaulting to the default name. */
  public static final Map<Topic, ConfigOption<String>> TOPIC_NAMES = topicNameOptions();

  private BeliefJobOptions() {}

  /**
   * Every option's value in {@code configuration} as {@code key=value} pairs, values with spaces in
   * quotes: what the job runs with, for its log. It names the Kafka properties file, not what the
   * file holds.
   */
  public static String describe(Configuration configuration) {
    StringBuilder described = new StringBuilder();
    for (ConfigOption<?> option : all()) {
      String value = configuration.getOptional(option).map(String::valueOf).orElse("none");
      described
          .append(described.isEmpty() ? "" : " ")
          .append(option.key())
          .append('=')
          .append(value.contains(" ") ? '"' + value + '"' : value);
    }
    return described.toString();
  }

  /** Every option of the job, for documentation and argument checking. */
  public static List<ConfigOption<?>> all() {
    List<ConfigOption<?>> options =
        new ArrayList<>(
            List.of(
                BOOTSTRAP_SERVERS,
                SCHEMA_REGISTRY_URL,
                GROUP_ID,
                TRANSACTIONAL_ID_PREFIX,
                KAFKA_PROPERTIES_FILE,
                MAX_OUT_OF_ORDERNESS,
                IDLE_TIMEOUT,
                MAX_CLOCK_SKEW,
                MAX_HELD_EVENTS,
                RESOLVED_RETENTION,
                OPEN_RETENTION,
                NETWORK_ID,
                IDENTITY_AUTHORITIES,
                OPENER_TIER,
                RESOLVERS,
                CLAIM_BURST,
                REQUESTS_PER_PROPOSITION,
                REQUESTS_PER_AGENT,
                REQUESTS_EXPIRY,
                UNVERIFIED_TOTAL_WEIGHT,
                MINIMUM_STAKE));
    options.addAll(CLAIMS_PER_SECOND.values());
    options.addAll(CONTROLLER_WEIGHT_CAP.values());
    options.addAll(TOPIC_NAMES.values());
    return options;
  }

  private static Map<IdentityTier, ConfigOption<Double>> perTier(
      String prefix, Map<IdentityTier, Double> defaults, String description) {
    Map<IdentityTier, ConfigOption<Double>> options = new EnumMap<>(IdentityTier.class);
    for (IdentityTier tier : IdentityTier.values()) {
      options.put(
          tier,
          ConfigOptions.key(prefix + "." + tier.name().toLowerCase(Locale.ROOT))
              .doubleType()
              .defaultValue(defaults.get(tier))
              .withDescription(String.format(description, tier)));
    }
    return Collections.unmodifiableMap(options);
  }

  private static Map<Topic, ConfigOption<String>> topicNameOptions() {
    Map<Topic, ConfigOption<String>> options = new EnumMap<>(Topic.class);
    for (Topic topic : Topic.values()) {
      options.put(
          topic,
          ConfigOptions.key("topic." + topic.defaultName())
              .stringType()
              .defaultValue(topic.defaultName())
              .withDescription("Name of the `" + topic.defaultName() + "` topic."));
    }
    return Collections.unmodifiableMap(options);
  }
}
