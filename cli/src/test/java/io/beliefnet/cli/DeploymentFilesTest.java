package io.beliefnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.beliefnet.kafka.NetworkAcls;
import io.beliefnet.pipeline.BeliefJobOptions;
import io.beliefnet.pipeline.kafka.KafkaBeliefJob;
import io.beliefnet.topics.Topic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.configuration.ConfigOption;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose file, the Kubernetes manifests and the Grafana dashboard agree with the code: the job
 * options they pass exist, the topics are the network's, the Kafka users' ACLs are the access
 * policy's, and every metric the dashboard plots is one the README documents (which {@code
 * AgentSdkIT} checks against a running job).
 */
class DeploymentFilesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path ROOT = Path.of("..");
  private static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
  private static final Pattern CREATED_TOPIC = Pattern.compile("(?m)^\\s*create ([\\w-]+)(.*)$");
  private static final Pattern METRIC = Pattern.compile("flink_[A-Za-z_]+");

  @Test
  void composeRunsTheJobWithOptionsItKnowsAndCheckpointing() throws IOException {
    JsonNode jobManager = compose().path("services").path("jobmanager");
    List<String> command = strings(jobManager.path("command"));

    assertThat(command.subList(0, 3))
        .containsExactly("standalone-job", "--job-classname", KafkaBeliefJob.class.getName());
    assertThat(jobOptions(command.subList(3, command.size())))
        .containsEntry(BeliefJobOptions.RESOLVERS.key(), LocalStack.RESOLVER)
        .containsEntry(
            BeliefJobOptions.IDENTITY_AUTHORITIES.key(), LocalStack.authority().trustEntry());
    String flinkProperties = jobManager.path("environment").path("FLINK_PROPERTIES").asText();
    assertThat(flinkProperties)
        .contains("execution.checkpointing.interval:")
        .contains("state.backend.type: rocksdb")
        .contains("metrics.reporter.prom.port: 9249");
    assertThat(Files.readString(ROOT.resolve("deploy/compose/prometheus.yml")))
        .contains("jobmanager:9249", "taskmanager:9249");
  }

  @Test
  void composeCreatesTheNetworksTopics() throws IOException {
    String script = compose().path("services").path("topics").path("command").get(0).asText();
    Map<String, Boolean> compactedByName = new LinkedHashMap<>();
    Matcher created = CREATED_TOPIC.matcher(script);
    while (created.find()) {
      compactedByName.put(created.group(1), created.group(2).contains("cleanup.policy=compact"));
    }

    assertThat(compactedByName).isEqualTo(topicsByName());
    assertThat(script).contains("--feature transaction.version=1");
  }

  @Test
  void composeRunsSubcommandsThatExistAndPinsEveryImage() throws IOException {
    JsonNode services = compose().path("services");
    for (String service : List.of("world", "dashboard")) {
      String[] args = strings(services.path(service).path("command")).toArray(String[]::new);
      BeliefCli.commandLine().parseArgs(args); // throws on an unknown subcommand or option
    }
    services.forEach(
        service ->
            assertThat(service.path("image").asText())
                .as("image of %s", service)
                .matches("[\\w./-]+:v?\\d[\\w.-]*"));
  }

  @Test
  void theFlinkDeploymentRunsTheJobWithOptionsItKnowsThroughSavepoints() throws IOException {
    JsonNode deployment = kubernetes("flink-deployment.yaml", "FlinkDeployment").get(0);
    JsonNode job = deployment.path("spec").path("job");

    assertThat(job.path("entryClass").asText()).isEqualTo(KafkaBeliefJob.class.getName());
    assertThat(job.path("upgradeMode").asText()).isEqualTo("savepoint");
    assertThat(jobOptions(strings(job.path("args"))))
        .containsKeys(
            BeliefJobOptions.BOOTSTRAP_SERVERS.key(), BeliefJobOptions.KAFKA_PROPERTIES_FILE.key());
    JsonNode flink = deployment.path("spec").path("flinkConfiguration");
    assertThat(flink.has("execution.checkpointing.interval")).isTrue();
    assertThat(flink.path("state.backend.type").asText()).isEqualTo("rocksdb");
    assertThat(flink.path("high-availability.type").asText()).isEqualTo("kubernetes");
    JsonNode port =
        deployment.path("spec").path("podTemplate").path("spec").path("containers").get(0);
    assertThat(port.path("ports").get(0).path("name").asText())
        .isEqualTo(
            kubernetes("pod-monitor.yaml", "PodMonitor")
                .get(0)
                .path("spec")
                .path("podMetricsEndpoints")
                .get(0)
                .path("port")
                .asText());
  }

  @Test
  void theJobImageHoldsTheBuiltJobJarWhereTheDeploymentsLookForIt() throws IOException {
    Matcher copy =
        Pattern.compile("(flink-jobs/target/\\S+-job\\.jar)\\s+\\\\?\\s*(/opt/flink/usrlib/\\S+)")
            .matcher(Files.readString(ROOT.resolve("Dockerfile")));

    assertThat(copy.find()).as("the Dockerfile copies the job jar into usrlib").isTrue();
    assertThat(ROOT.resolve(copy.group(1))).as("built by the flink-jobs module").exists();
    JsonNode deployment = kubernetes("flink-deployment.yaml", "FlinkDeployment").get(0);
    assertThat(deployment.path("spec").path("job").path("jarURI").asText())
        .isEqualTo("local://" + copy.group(2));
  }

  @Test
  void theKafkaTopicsAreTheNetworksTopics() throws IOException {
    Map<String, Boolean> compactedByName = new LinkedHashMap<>();
    for (JsonNode topic : kubernetes("topics.yaml", "KafkaTopic")) {
      compactedByName.put(
          topic.path("metadata").path("name").asText(),
          topic.path("spec").path("config").path("cleanup.policy").asText().equals("compact"));
    }

    assertThat(compactedByName).isEqualTo(topicsByName());
  }

  @Test
  void theKafkaUsersAclsAreTheAccessPolicy() throws IOException {
    Map<Topic, String> names = new LinkedHashMap<>();
    for (Topic topic : Topic.values()) {
      names.put(topic, topic.defaultName());
    }
    Map<String, List<AclBinding>> policy =
        Map.of(
            "belief-job", NetworkAcls.job("belief-job", "belief-job", "belief-job", names),
            "agent-example", NetworkAcls.agent("agent-example", names),
            "resolver-example", NetworkAcls.resolver("resolver-example", names),
            "identity-service", NetworkAcls.identityService("identity-service", names));
    Map<String, Set<AclBinding>> granted = new LinkedHashMap<>();
    for (JsonNode user : kubernetes("users.yaml", "KafkaUser")) {
      granted.put(user.path("metadata").path("name").asText(), acls(user));
    }

    assertThat(granted.keySet()).containsExactlyInAnyOrderElementsOf(policy.keySet());
    policy.forEach(
        (user, acls) ->
            assertThat(granted.get(user)).as("ACLs of %s", user).isEqualTo(new HashSet<>(acls)));
  }

  @Test
  void theDashboardPlotsOnlyDocumentedMetrics() throws IOException {
    String dashboard = Files.readString(KUBERNETES.resolve("grafana-dashboard.json"));
    Set<String> plotted = new HashSet<>();
    for (JsonNode panel : JSON.readTree(dashboard).path("panels")) {
      for (JsonNode target : panel.path("targets")) {
        Matcher metric = METRIC.matcher(target.path("expr").asText());
        while (metric.find()) {
          plotted.add(metric.group());
        }
      }
    }

    assertThat(plotted).hasSizeGreaterThanOrEqualTo(8);
    assertThat(ReadmeMetrics.names()).containsAll(plotted);
  }

  /** The compose file, its anchors and merge keys resolved as Docker Compose does. */
  private static JsonNode compose() throws IOException {
    return JSON.valueToTree(new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml"))));
  }

  /** The documents of {@code file} of the given kind. */
  private static List<JsonNode> kubernetes(String file, String kind) throws IOException {
    List<JsonNode> documents = new ArrayList<>();
    for (Object document : new Yaml().loadAll(Files.readString(KUBERNETES.resolve(file)))) {
      JsonNode node = JSON.valueToTree(document);
      if (node.path("kind").asText().equals(kind)) {
        documents.add(node);
      }
    }
    assertThat(documents).as("%s in %s", kind, file).isNotEmpty();
    return documents;
  }

  /** Each topic's default name and whether it is compacted. */
  private static Map<String, Boolean> topicsByName() {
    Map<String, Boolean> topics = new LinkedHashMap<>();
    for (Topic topic : Topic.values()) {
      topics.put(topic.defaultName(), topic.compacted());
    }
    return topics;
  }

  /** The job options in {@code args} ({@code --key value} pairs), each one the job defines. */
  private static Map<String, String> jobOptions(List<String> args) {
    Set<String> known = new HashSet<>();
    for (ConfigOption<?> option : BeliefJobOptions.all()) {
      known.add(option.key());
    }
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i += 2) {
      String key = args.get(i).substring(2);
      assertThat(args.get(i)).startsWith("--");
      assertThat(known).as("job options").contains(key);
      options.put(key, args.get(i + 1));
    }
    return options;
  }

  private static Set<AclBinding> acls(JsonNode user) {
    String principal = "User:" + user.path("metadata").path("name").asText();
    Set<AclBinding> acls = new HashSet<>();
    for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
      JsonNode resource = acl.path("resource");
      ResourcePattern pattern =
          new ResourcePattern(
              switch (resource.path("type").asText()) {
                case "topic" -> ResourceType.TOPIC;
                case "group" -> ResourceType.GROUP;
                case "transactionalId" -> ResourceType.TRANSACTIONAL_ID;
                default -> ResourceType.UNKNOWN;
              },
              resource.path("name").asText(),
              resource.path("patternType").asText().equals("prefix")
                  ? PatternType.PREFIXED
                  : PatternType.LITERAL);
      for (JsonNode operation : acl.path("operations")) {
        acls.add(
            new AclBinding(
                pattern,
                new AccessControlEntry(
                    principal,
                    "*",
                    AclOperation.fromString(operation.asText()),
                    AclPermissionType.ALLOW)));
      }
    }
    return acls;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(value -> values.add(value.asText()));
    return values;
  }
}
