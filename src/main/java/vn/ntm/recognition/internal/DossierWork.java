package vn.ntm.recognition.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import vn.ntm.recognition.Dossiers;
import vn.ntm.recognition.Dossiers.DossierSummaryLine;
import vn.ntm.shared.work.CalendarEntry;
import vn.ntm.shared.work.CalendarSource;
import vn.ntm.shared.work.WorkItem;
import vn.ntm.shared.work.WorkItemSource;

/**
 * The dossier inbox of the home page's work list: the dossiers waiting for an action of
 * the user's office, by deadline (overdue first, those without one last); and the
 * deadlines of their pending steps in the user's calendar.
 */
@Component
class DossierWork implements WorkItemSource, CalendarSource {

	private final Dossiers dossiers;

	DossierWork(Dossiers dossiers) {
		this.dossiers = dossiers;
	}

	@Override
	public List<WorkItem> items() {
		List<WorkItem> items = new ArrayList<>();
		for (DossierSummaryLine line : dossiers.waitingForMe()) {
			items.add(new WorkItem("work.kind.dossier", title(line), detail(line), "/dossiers/" + line.summary().id(),
					line.summary().stepDue(), null));
		}
		return items;
	}

	@Override
	public List<CalendarEntry> entries(LocalDate from, LocalDate to) {
		return dossiers.dueBetween(from, to)
			.stream()
			.map(line -> new CalendarEntry("calendar.kind.dossier", title(line), detail(line),
					"/dossiers/" + line.summary().id(), line.summary().stepDue(), false,
					"dossier-" + line.summary().id() + "-" + line.summary().stepName().hashCode() + "@ntm"))
			.toList();
	}

	private static String title(DossierSummaryLine line) {
		return line.titleName() + " " + line.summary().year() + " — " + line.unitName();
	}

	private static String detail(DossierSummaryLine line) {
		String step = line.summary().stepName() == null ? "" : line.summary().stepName();
		return line.officeName() == null ? step : step + " (" + line.officeName() + ")";
	}

}
