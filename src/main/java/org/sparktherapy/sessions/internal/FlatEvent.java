package org.sparktherapy.sessions.internal;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;
import org.sparktherapy.vocabulary.PromptLevel;
import org.sparktherapy.vocabulary.TrialOutcome;

/**
 * A {@link SessionEvent} as the API, the offline queue and {@code session_events} carry
 * it: one flat object named by {@code type}, with the fields of that type and the others
 * null. Coming in it is only a shape: {@link EventReader} turns it into a
 * {@link SessionEvent}, naming every field that does not fit. Fields that do not belong
 * to the event's type are ignored.
 */
@Schema(name = "Event")
record FlatEvent(UUID id, @Schema(allowableValues = {
		"trial", "task_step", "frequency", "duration", "abc", "undo" }) String type, @Nullable UUID targetId,
		@Nullable @Schema(implementation = TrialOutcome.class) String outcome,
		@Nullable @Schema(implementation = PromptLevel.class) String promptLevel, @Nullable Integer step,
		@Nullable Integer count, @Nullable Integer seconds, @Nullable String antecedent, @Nullable String behavior,
		@Nullable String consequence, @Nullable UUID undoes, Instant at){

	/** The flat form of an event. */
	static FlatEvent of(SessionEvent event) {
		return switch (event) {
			case SessionEvent.Trial t -> new FlatEvent(t.id(), t.type(), t.targetId(), t.outcome().value(),
					t.promptLevel().value(), null, null, null, null, null, null, null, t.at());
			case SessionEvent.TaskStep s -> new FlatEvent(s.id(), s.type(), s.targetId(), null, s.promptLevel().value(),
					s.step(), null, null, null, null, null, null, s.at());
			case SessionEvent.Frequency f -> new FlatEvent(f.id(), f.type(), f.targetId(), null, null, null, f.count(),
					null, null, null, null, null, f.at());
			case SessionEvent.Duration d -> new FlatEvent(d.id(), d.type(), d.targetId(), null, null, null, null,
					d.seconds(), null, null, null, null, d.at());
			case SessionEvent.Abc a -> new FlatEvent(a.id(), a.type(), a.targetId(), null, null, null, null, null,
					a.antecedent(), a.behavior(), a.consequence(), null, a.at());
			case SessionEvent.Undo u -> new FlatEvent(u.id(), u.type(), null, null, null, null, null, null, null, null,
					null, u.undoes(), u.at());
		};
	}

	/**
	 * The event this stored row holds. Rows were checked by {@link EventReader} when they
	 * were recorded (and the table's constraints hold the closed sets), so this trusts
	 * them.
	 */
	SessionEvent toEvent() {
		return switch (this.type) {
			case SessionEvent.Trial.TYPE -> new SessionEvent.Trial(this.id, this.targetId,
					TrialOutcome.of(this.outcome), PromptLevel.of(this.promptLevel), this.at);
			case SessionEvent.TaskStep.TYPE ->
				new SessionEvent.TaskStep(this.id, this.targetId, this.step, PromptLevel.of(this.promptLevel), this.at);
			case SessionEvent.Frequency.TYPE -> new SessionEvent.Frequency(this.id, this.targetId, this.count, this.at);
			case SessionEvent.Duration.TYPE -> new SessionEvent.Duration(this.id, this.targetId, this.seconds, this.at);
			case SessionEvent.Abc.TYPE ->
				new SessionEvent.Abc(this.id, this.targetId, this.antecedent, this.behavior, this.consequence, this.at);
			case SessionEvent.Undo.TYPE -> new SessionEvent.Undo(this.id, this.undoes, this.at);
			default -> throw new IllegalStateException("unknown event type " + this.type);
		};
	}

}
