package io.beliefnet.sdk;

import io.beliefnet.ids.IdRules;
import java.util.Optional;

/** The job's rule for ids and labels, checked before sending so a mistake fails here, not later. */
final class Ids {

  private Ids() {}

  /** {@code id}, if it keeps {@link IdRules#problem the rule for ids}. */
  static String require(String what, String id) {
    return require(what, id, IdRules.problem(id));
  }

  /** {@code id}, if it keeps {@link IdRules#keyPartProblem the rule for agent ids and domains}. */
  static String requireKeyPart(String what, String id) {
    return require(what, id, IdRules.keyPartProblem(id));
  }

  private static String require(String what, String id, Optional<String> problem) {
    if (problem.isPresent()) {
      throw new IllegalArgumentException(
          what + (id == null ? "" : " '" + id + "'") + " " + problem.get());
    }
    return id;
  }
}
