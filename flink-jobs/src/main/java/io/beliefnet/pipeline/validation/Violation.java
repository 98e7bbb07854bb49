package io.beliefnet.pipeline.validation;

import io.beliefnet.avro.RejectionReason;

/** Why a record breaks its contract: a code to count and a sentence to act on. */
public record Violation(RejectionReason reason, String message) {}
