package io.beliefnet.kafka;

import io.beliefnet.topics.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The network's access policy as Kafka ACLs, one method per role. Each returns the bindings that
 * let principal {@code User:<user>} do its part and nothing more; {@link #grant} creates them on a
 * broker that denies whatever no ACL allows. {@code names} maps every {@link Topic} to its
 * configured name. Kafka implies DESCRIBE from READ and WRITE, which is all a client needs to look
 * a topic, group or transactional id up; and since Kafka 3.0 a producer with WRITE on a topic may
 * be idempotent without IDEMPOTENT_WRITE on the cluster.
 */
public final class NetworkAcls {

  private static final Duration PROPAGATION_TIMEOUT = Duration.ofSeconds(30);

  private NetworkAcls() {}

  /**
   * An agent writes claims and reads beliefs and the evidence requests the job makes; it may commit
   * its read offsets under consumer groups named {@code <user>.<anything>}, so no agent can disturb
   * another's group.
   */
  public static List<AclBinding> agent(String user, Map<Topic, String> names) {
    return List.of(
        allow(user, literal(ResourceType.TOPIC, names.get(Topic.CLAIMS)), AclOperation.WRITE),
        allow(user, literal(ResourceType.TOPIC, names.get(Topic.BELIEFS)), AclOperation.READ),
        allow(
            user,
            literal(ResourceType.TOPIC, names.get(Topic.EVIDENCE_REQUESTS)),
            AclOperation.READ),
        allow(user, prefixed(ResourceType.GROUP, user + "."), AclOperation.READ));
  }

  /** A resolver writes outcomes. */
  public static List<AclBinding> resolver(String user, Map<Topic, String> names) {
    return List.of(
        allow(user, literal(ResourceType.TOPIC, names.get(Topic.OUTCOMES)), AclOperation.WRITE));
  }

  /**
   * The identity service writes agent registrations. Agents do not: a registration carries the tier
   * and stake their claims are weighted by.
   */
  public static List<AclBinding> identityService(String user, Map<Topic, String> names) {
    return List.of(
        allow(user, literal(ResourceType.TOPIC, names.get(Topic.AGENTS)), AclOperation.WRITE));
  }

  /**
   * The belief job reads the input topics under consumer group {@code groupId}, is the only writer
   * of the output topics, in transactions whose ids start with {@code transactionalIdPrefix}, and
   * the only reader and writer of its internal feedback topic.
   */
  public static List<AclBinding> job(
      String user, String groupId, String transactionalIdPrefix, Map<Topic, String> names) {
    List<AclBinding> acls = new ArrayList<>();
    for (Topic input : Topic.INPUTS) {
      acls.add(allow(user, literal(ResourceType.TOPIC, names.get(input)), AclOperation.READ));
    }
    for (Topic output : Topic.OUTPUTS) {
      acls.add(allow(user, literal(ResourceType.TOPIC, names.get(output)), AclOperation.WRITE));
    }
    for (Topic internal : Topic.INTERNAL) {
      acls.add(allow(user, literal(ResourceType.TOPIC, names.get(internal)), AclOperation.WRITE));
      acls.add(allow(user, literal(ResourceType.TOPIC, names.get(internal)), AclOperation.READ));
    }
    acls.add(allow(user, literal(ResourceType.GROUP, groupId), AclOperation.READ));
    acls.add(
        allow(
            user,
            prefixed(ResourceType.TRANSACTIONAL_ID, transactionalIdPrefix),
            AclOperation.WRITE));
    return acls;
  }

  /**
   * Creates {@code acls} through an admin client built from {@code adminConfig}, which must
   * authenticate as a user allowed to alter the cluster's ACLs (a super user), and returns once the
   * broker it asked lists them: ACLs reach a broker's authorizer through the metadata log a little
   * after the controller accepts them. Creating an ACL that exists already changes nothing.
   */
  public static void grant(Map<String, Object> adminConfig, Collection<AclBinding> acls) {
    try (Admin admin = Admin.create(adminConfig)) {
      admin.createAcls(acls).all().get();
      long deadline = System.nanoTime() + PROPAGATION_TIMEOUT.toNanos();
      while (!admin.describeAcls(AclBindingFilter.ANY).values().get().containsAll(acls)) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "the broker does not list the ACLs after " + PROPAGATION_TIMEOUT + ": " + acls);
        }
        Thread.sleep(100);
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot create ACLs " + acls, e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating ACLs", e);
    }
  }

  private static AclBinding allow(String user, ResourcePattern resource, AclOperation operation) {
    return new AclBinding(
        resource, new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
  }

  private static ResourcePattern literal(ResourceType type, String name) {
    return new ResourcePattern(type, name, PatternType.LITERAL);
  }

  private static ResourcePattern prefixed(ResourceType type, String prefix) {
    return new ResourcePattern(type, prefix, PatternType.PREFIXED);
  }
}
