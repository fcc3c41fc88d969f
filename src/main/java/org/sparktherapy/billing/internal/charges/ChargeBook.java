package org.sparktherapy.billing.internal.charges;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.sparktherapy.scheduling.AppointmentCompleted;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the charges: one per completed appointment, created from its facts and checked
 * again whenever something it depends on may have changed; the statuses claims and the
 * ledger move it through. Implements {@link ChargeLookup} for the rest of billing. No
 * access checks: callers are listeners, the admin service, and billing's own services.
 */
@Service
class ChargeBook implements ChargeLookup, ChargeRechecks {

	private final ChargeRepository charges;

	private final PayerRepository payers;

	private final CoverageRepository coverages;

	private final BillingSettingsRepository settings;

	private final ChargeEvaluator evaluator;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ChargeBook(ChargeRepository charges, PayerRepository payers, CoverageRepository coverages,
			BillingSettingsRepository settings, ChargeEvaluator evaluator, ApplicationEventPublisher events,
			Clock clock) {
		this.charges = charges;
		this.payers = payers;
		this.coverages = coverages;
		this.settings = settings;
		this.evaluator = evaluator;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The charge of a completed appointment: created once (a second delivery of the event
	 * finds it and only checks it again).
	 */
	@Transactional
	Charge chargeFor(AppointmentCompleted completed) {
		Optional<Charge> existing = this.charges.ofAppointment(completed.appointmentId());
		if (existing.isPresent()) {
			return recheck(existing.get().id());
		}
		Instant start = (completed.actualStart() != null) ? completed.actualStart() : completed.startsAt();
		Instant end = (completed.actualEnd() != null) ? completed.actualEnd() : completed.endsAt();
		Instant now = this.clock.instant();
		Charge base = new Charge(UUID.randomUUID(), completed.appointmentId(), completed.sessionId(),
				completed.childId(), this.payers.privatePay().id(), null, completed.serviceCode(), List.of(),
				this.evaluator.serviceDate(start), start, end, 0, 0, null, java.math.BigDecimal.ZERO, "USD",
				completed.place(), "11", completed.therapistId(), null, List.of(), null, null, ChargeStatus.HELD,
				List.of(), null, now, now, 0);
		Charge charge = this.evaluator.evaluate(base);
		if (!this.charges.insert(charge)) {
			// another delivery stored it a moment ago
			return this.charges.ofAppointment(completed.appointmentId()).orElseThrow();
		}
		announce(null, charge);
		// a service it overlaps with may no longer be billable
		for (ChargeRepository.Overlap other : this.charges.overlapping(charge.childId(), charge.startsAt(),
				charge.endsAt(), charge.id())) {
			recheck(other.chargeId());
		}
		return this.charges.find(charge.id()).orElseThrow();
	}

	/**
	 * The charge checked again, if it is open (ready or held): its status follows.
	 * Claimed and void charges stay as they are.
	 */
	@Transactional
	public Charge recheck(UUID chargeId) {
		Charge current = this.charges.lock(chargeId).orElseThrow(() -> new ChargeProblems.ChargeNotFound("charge"));
		if (current.status() == ChargeStatus.CLAIMED || current.status() == ChargeStatus.VOID) {
			return current;
		}
		Charge evaluated = this.evaluator.evaluate(current);
		if (!evaluated.equals(current)) {
			this.charges.evaluated(evaluated, this.clock.instant());
			announce(current, evaluated);
		}
		return this.charges.find(chargeId).orElseThrow();
	}

	/** Checks the session's charges again (its note was signed or co-signed). */
	@Transactional
	public void recheckSession(UUID sessionId) {
		this.charges.ofSession(sessionId).forEach(c -> recheck(c.id()));
	}

	@Override
	@Transactional
	public void recheckChild(UUID childId) {
		recheckAll(this.charges.open(childId));
	}

	@Override
	@Transactional
	public void recheckPayer(UUID payerId) {
		recheckAll(this.charges.openOfPayer(payerId));
	}

	@Transactional
	public void recheckProvider(UUID accountId) {
		recheckAll(this.charges.openOfProvider(accountId));
	}

	/** Every open charge, oldest first (after a change of the clinic's billing data). */
	@Transactional
	public int recheckEverything() {
		List<UUID> open = this.charges.allOpen();
		recheckAll(open);
		return open.size();
	}

	private void recheckAll(List<UUID> ids) {
		// oldest first: an authorization's units go to the earliest services
		ids.forEach(this::recheck);
	}

	/**
	 * Publishes {@link ChargeReady} when a charge became ready, {@link ChargeChanged}
	 * when a ready one is held now or bills another payer or amount.
	 */
	private void announce(Charge before, Charge after) {
		if (after.status() == ChargeStatus.READY && (before == null || before.status() != ChargeStatus.READY)) {
			this.events.publishEvent(new ChargeReady(after.id(), after.childId(), after.payerId(),
					this.payers.find(after.payerId()).map(Payer::privatePay).orElse(false)));
		}
		else if (before != null && before.status() == ChargeStatus.READY && (after.status() != ChargeStatus.READY
				|| !after.payerId().equals(before.payerId()) || after.amount().compareTo(before.amount()) != 0)) {
			this.events.publishEvent(new ChargeChanged(after.id(), after.childId()));
		}
	}

	@Override
	public Optional<Charge> find(UUID chargeId) {
		return this.charges.find(chargeId);
	}

	@Override
	public List<Charge> findAll(Collection<UUID> chargeIds) {
		return this.charges.findAll(chargeIds);
	}

	@Override
	public List<Charge> ready(UUID payerId, LocalDate through) {
		return this.charges.ready(payerId, through);
	}

	@Override
	@Transactional
	public void markClaimed(Collection<UUID> chargeIds) {
		Set<UUID> ids = new LinkedHashSet<>(chargeIds);
		List<Charge> locked = this.charges.lockAll(ids);
		List<UUID> notReady = new ArrayList<>();
		Set<UUID> found = new LinkedHashSet<>();
		for (Charge charge : locked) {
			found.add(charge.id());
			if (charge.status() != ChargeStatus.READY) {
				notReady.add(charge.id());
			}
		}
		ids.stream().filter(id -> !found.contains(id)).forEach(notReady::add);
		if (!notReady.isEmpty()) {
			throw new ChargeProblems.ChargeNotReady(notReady);
		}
		this.charges.changeStatus(ids, ChargeStatus.READY, ChargeStatus.CLAIMED, this.clock.instant());
	}

	@Override
	@Transactional
	public List<Charge> markReady(Collection<UUID> chargeIds) {
		List<UUID> ids = this.charges.lockAll(chargeIds)
			.stream()
			.filter(c -> c.status() == ChargeStatus.CLAIMED)
			.map(Charge::id)
			.toList();
		// back to held first: the check decides whether it is ready
		this.charges.changeStatus(ids, ChargeStatus.CLAIMED, ChargeStatus.HELD, this.clock.instant());
		ids.forEach(this::recheck);
		return this.charges.findAll(chargeIds);
	}

	@Override
	public Optional<Payer> payer(UUID payerId) {
		return this.payers.find(payerId);
	}

	@Override
	public Payer privatePay() {
		return this.payers.privatePay();
	}

	@Override
	public Optional<Coverage> coverage(UUID coverageId) {
		return this.coverages.find(coverageId);
	}

	@Override
	public Optional<BillingSettings> settings() {
		return this.settings.settings();
	}

	@Override
	public Map<UUID, String> npis(Collection<UUID> accountIds) {
		return this.settings.npis(accountIds);
	}

}
