package org.sparktherapy.children;

import java.util.UUID;

/**
 * A child's record was edited (any of its fields or its status changed). Whatever is
 * checked against the record — billing's claim check, which needs the child's sex,
 * address and diagnoses — looks again. Ids only.
 */
public record ChildRecordChanged(UUID childId) {
}
