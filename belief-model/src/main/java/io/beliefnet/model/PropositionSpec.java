package io.beliefnet.model;

import java.util.Objects;

/**
 * What a proposition is: its id, its domain (reliabilities are learned per agent and domain), the
 * number K of mutually exclusive outcomes (binary is K = 2) and, for facts that change over time,
 * an evidence half-life after which a claim counts half as much.
 *
 * @param halfLifeMillis evidence half-life in milliseconds of event time; 0 means claims do not
 *     fade
 */
public record PropositionSpec(String id, String domain, int outcomeCount, long halfLifeMillis) {

  /** Largest K supported; bounds the bytes kept per agent-domain (a K x K confusion matrix). */
  public static final int MAX_OUTCOMES = 64;

  public PropositionSpec {
    Objects.requireNonNull(id, "proposition id");
    Objects.requireNonNull(domain, "domain of proposition " + id);
    if (outcomeCount < 2 || outcomeCount > MAX_OUTCOMES) {
      throw new IllegalArgumentException(
          "proposition "
              + id
              + " has "
              + outcomeCount
              + " outcomes: must be between 2 and "
              + MAX_OUTCOMES);
    }
    if (halfLifeMillis < 0) {
      throw new IllegalArgumentException(
          "proposition " + id + " has half-life " + halfLifeMillis + " ms: use 0 for no fading");
    }
  }

  /** A proposition whose claims never fade. */
  public static PropositionSpec of(String id, String domain, int outcomeCount) {
    return new PropositionSpec(id, domain, outcomeCount, 0);
  }
}
