package org.sparktherapy.programs;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A target met its program's mastery criterion and was moved to mastered automatically.
 *
 * @param advancedTargetId the program's next target, moved into intervention, or null
 */
public record TargetMastered(UUID childId, UUID programId, UUID targetId, List<UUID> sessionIds, UUID advancedTargetId,
		Instant at) {
}
