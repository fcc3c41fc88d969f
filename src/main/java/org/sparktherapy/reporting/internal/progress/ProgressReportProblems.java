package org.sparktherapy.reporting.internal.progress;

import java.util.List;

import org.sparktherapy.platform.problem.Forbidden;
import org.sparktherapy.platform.problem.NotFound;
import org.sparktherapy.platform.problem.Problem;

/** The rules of progress reports that a caller can break. */
final class ProgressReportProblems {

	private ProgressReportProblems() {
	}

	static final class ReportNotFound extends NotFound {

		ReportNotFound(String what) {
			super(what);
		}

	}

	static final class NotTheChildsSupervisor extends Forbidden {

		NotTheChildsSupervisor() {
			super("Only a supervisor on the child's care team writes and signs its progress reports.");
		}

	}

	/** A signed report is a document: corrections are new versions. */
	static final class ReportAlreadySigned extends Problem {

		ReportAlreadySigned() {
			super(Kind.CONFLICT, "progress-report-signed", "Progress report already signed",
					"A signed progress report cannot be changed. Start a correction, which supersedes it once signed.");
		}

	}

	static final class NarrativeIncomplete extends Problem {

		NarrativeIncomplete(List<FieldError> errors) {
			super(Kind.CONFLICT, "progress-report-incomplete", "Progress report incomplete",
					"A progress report is signed with its summary, goals and recommendations written.", errors);
		}

	}

	static final class NotSignedYet extends Problem {

		NotSignedYet() {
			super(Kind.CONFLICT, "progress-report-not-signed", "Progress report not signed",
					"Only a signed progress report can be corrected; edit the draft instead.");
		}

	}

	static final class AlreadySuperseded extends Problem {

		AlreadySuperseded() {
			super(Kind.CONFLICT, "progress-report-superseded", "Progress report superseded",
					"This report has already been corrected; correct the latest version.");
		}

	}

}
