package vn.ntm.orgunit.web;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ntm.shared.web.ReadOnlyPage;
import vn.ntm.audit.AuditLog;
import vn.ntm.orgunit.TreeNode;
import vn.ntm.orgunit.UnitDetails;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitPagePanel;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.Permission;

/**
 * Browsing units: the tree as of a date, a unit's page with its history, and search.
 */
@Controller
class UnitPageController {

	private final UnitManagement units;

	private final AuditLog audit;

	private final AccessPolicy access;

	private final List<UnitPagePanel> panels;

	UnitPageController(UnitManagement units, AuditLog audit, AccessPolicy access, List<UnitPagePanel> panels) {
		this.units = units;
		this.audit = audit;
		this.access = access;
		this.panels = panels.stream().sorted(java.util.Comparator.comparingInt(UnitPagePanel::order)).toList();
	}

	@ReadOnlyPage
	@GetMapping("/units")
	String tree(@RequestParam(required = false) @Nullable Long root,
			@RequestParam(required = false) @Nullable String at, Model model) {
		LocalDate date = AsOf.parse(at);
		long rootId = root != null ? root : defaultRoot(date);
		UnitDetails details = units.details(rootId, date);
		if (!details.existsAt() && (at == null || at.isBlank())) {
			// no date asked for: show a unit that has ended as it was on its last day
			date = details.shownAt();
			details = units.details(rootId, date);
		}
		if (!details.existsAt()) {
			model.addAttribute("root", details.version());
			model.addAttribute("notValid", true);
			if (details.version().validTo() != null && date.isAfter(details.version().validTo())) {
				// after its end: the trees of what it became
				model.addAttribute("fate", units.fate(rootId).orElse(null));
				model.addAttribute("successorTrees", successorTrees(rootId, details));
			}
		}
		else {
			int level = details.version().level();
			TreeNode tree = units.tree(rootId, date, level == 0 ? 1 : Math.max(1, 4 - level));
			model.addAttribute("tree", tree);
			model.addAttribute("root", tree.unit());
		}
		model.addAttribute("ancestors", details.ancestors());
		model.addAttribute("at", date);
		return "units/tree";
	}

	/**
	 * The units whose trees replace an ended unit's on a later date: the units it became,
	 * else (a district abolished in 2025) the units its own units became.
	 */
	private List<UnitRef> successorTrees(long rootId, UnitDetails ended) {
		// names only: a successor outside the reader's units is shown as text
		java.util.Map<Long, UnitRef> trees = new java.util.LinkedHashMap<>();
		units.fate(rootId).ifPresent(f -> f.successors().forEach(s -> trees.putIfAbsent(s.unit().id(), s.unit())));
		if (trees.isEmpty()) {
			for (UnitRef child : units.children(rootId, ended.version().validTo())) {
				units.fate(child.id())
					.ifPresent(f -> f.successors().forEach(s -> trees.putIfAbsent(s.unit().id(), s.unit())));
			}
		}
		return List.copyOf(trees.values());
	}

	private long defaultRoot(LocalDate date) {
		List<UnitRef> roots = units.scopeRoots(date);
		return roots.isEmpty() ? units.countryId() : roots.get(0).id();
	}

	/** One more level of the tree (htmx). */
	@GetMapping("/units/{id}/subtree")
	String subtree(@PathVariable long id, @RequestParam(required = false) @Nullable String at, Model model) {
		LocalDate date = AsOf.parse(at);
		model.addAttribute("node", units.tree(id, date, 1));
		model.addAttribute("at", date);
		return "units/tree :: tree-children";
	}

	@ReadOnlyPage
	@GetMapping("/units/{id}")
	String unit(@PathVariable long id, @RequestParam(required = false) @Nullable String at, Model model) {
		LocalDate date = AsOf.parse(at);
		UnitDetails details = units.details(id, date);
		if (!details.existsAt() && (at == null || at.isBlank())) {
			// no date asked for: a unit that has ended is shown as it was on its last day
			date = details.shownAt();
			details = units.details(id, date);
		}
		vn.ntm.orgunit.UnitFate fate = units.fate(id).orElse(null);
		vn.ntm.orgunit.UnitHistory history = units.history(id);
		model.addAttribute("unit", details);
		model.addAttribute("fate", fate);
		model.addAttribute("history", history);
		// whether the reader may open each unit the page links to, asked together
		access.canReadAll(linked(details, fate, history));
		model.addAttribute("audit", audit.historyOf("unit", String.valueOf(id), 50));
		model.addAttribute("canEdit", units.canEdit(id));
		// the deepest kind of unit that may sit under this one: if none of that level may
		// be added, none may
		int childLevel = FormSupport.childTypes(details.version().type())
			.stream()
			.mapToInt(vn.ntm.orgunit.UnitType::level)
			.max()
			.orElse(-1);
		model.addAttribute("canAddChild", childLevel > 0 && access.canCreateUnder(id, childLevel));
		model.addAttribute("canClassify", access.current().has(Permission.UNIT_CLASSIFY));
		model.addAttribute("at", date);
		LocalDate shown = date;
		UnitDetails unit = details;
		model.addAttribute("panels", panels.stream().flatMap(p -> p.panel(unit, shown).stream()).toList());
		return "units/detail";
	}

	/** The units a unit's page names: ancestors, parents, lineage, what it became. */
	private static java.util.Set<Long> linked(UnitDetails details, vn.ntm.orgunit.@Nullable UnitFate fate,
			vn.ntm.orgunit.UnitHistory history) {
		java.util.Set<Long> ids = new java.util.HashSet<>();
		details.ancestors().forEach(a -> ids.add(a.id()));
		history.versions().forEach(v -> {
			if (v.parent() != null) {
				ids.add(v.parent().id());
			}
		});
		history.events().forEach(e -> {
			e.predecessors().forEach(u -> ids.add(u.id()));
			e.successors().forEach(u -> ids.add(u.id()));
			e.moved().forEach(u -> ids.add(u.id()));
		});
		if (fate != null) {
			fate.successors().forEach(s -> {
				ids.add(s.unit().id());
				if (s.parent() != null) {
					ids.add(s.parent().id());
				}
			});
		}
		return ids;
	}

	@GetMapping("/units/search")
	String search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) @Nullable String at,
			@RequestParam(defaultValue = "false") boolean atDateOnly, Model model) {
		LocalDate date = AsOf.parse(at);
		model.addAttribute("q", q);
		model.addAttribute("at", date);
		model.addAttribute("atDateOnly", atDateOnly);
		List<UnitRef> results = q.isBlank() ? List.of() : units.search(q, atDateOnly ? date : null, 100);
		model.addAttribute("results", results);
		model.addAttribute("locations", units.locations(results));
		// a search within the reader's units says so, naming them
		List<UnitRef> scope = access.current().isAdmin() ? List.of() : units.scopeRoots(date);
		model.addAttribute("limitedTo",
				scope.stream().map(UnitRef::fullName).collect(java.util.stream.Collectors.joining(", ")));
		return "units/search";
	}

}
