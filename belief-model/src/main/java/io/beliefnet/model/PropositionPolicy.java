package io.beliefnet.model;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Who may open a proposition, and how long one is kept.
 *
 * <p>A proposition's first applied claim fixes its outcome labels and half-life for everyone after
 * it, so only an agent of at least {@code openerTier} may make it: an identity authority vouched
 * for such an agent, which answers for what it opens. A claim by anyone else on a proposition no
 * opener has claimed on is refused, and waits for nothing.
 *
 * @param openerTier the least identity tier whose claim may open a proposition
 * @param openRetention how long an open proposition is kept after its latest claim
 * @param resolvedRetention how long a resolved proposition is kept after its outcome
 */
public record PropositionPolicy(
    IdentityTier openerTier, Duration openRetention, Duration resolvedRetention)
    implements Serializable {

  private static final Duration FOREVER = Duration.ofMillis(Long.MAX_VALUE / 4);

  /**
   * Anyone opens, nothing is forgotten: for replays of data whose propositions are given, such as a
   * labelling task's items.
   */
  public static final PropositionPolicy OPEN_TO_ALL_KEPT_FOREVER =
      new PropositionPolicy(IdentityTier.UNVERIFIED, FOREVER, FOREVER);

  public PropositionPolicy {
    Objects.requireNonNull(openerTier, "the opener tier");
    Objects.requireNonNull(openRetention, "the open retention");
    Objects.requireNonNull(resolvedRetention, "the resolved retention");
  }

  /** Whether {@code agent} may open a proposition with its claim. */
  boolean mayOpen(AgentProfile agent) {
    return agent.tier().compareTo(openerTier) >= 0;
  }
}
