package org.sparktherapy.notifications.internal;

import org.sparktherapy.children.Children;
import org.sparktherapy.reporting.ProgressReportSigned;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a child's guardians that a signed progress report is theirs to read (ADR 0034):
 * "A progress report for Ava C. is ready", linking to the report — nothing of its
 * content. One standing notice per child: a correction, or the next period's report,
 * updates it (unread again, linking to the newest version) rather than piling up. The
 * care team is not told: the BCBA signed it, and technicians read it on the child's page.
 */
@Component
class ProgressReportNotices {

	private final Notifier notifier;

	private final Children children;

	ProgressReportNotices(Notifier notifier, Children children) {
		this.notifier = notifier;
		this.children = children;
	}

	@ApplicationModuleListener
	void on(ProgressReportSigned event) {
		String child = NotificationListeners.names(this.children, event.childId());
		String title = ((event.supersedes() != null) ? "A corrected progress report for " : "A progress report for ")
				+ child + " is ready";
		this.notifier.notify(this.children.peopleOf(event.childId()).guardians(),
				new Notification.Draft(NotificationKind.PROGRESS_REPORT_READY, event.reportId().toString(),
						new Notification.Subject("child", event.childId()), title,
						"/progress-reports/" + event.reportId(), event.at()));
	}

}
