package vn.ntm.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.ntm.shared.work.WorkItem;
import vn.ntm.shared.work.WorkItemSource;

/**
 * The home page's "Việc chờ xử lý" as JSON: every source's items, oldest first, counted
 * by kind.
 */
@RestController
class WorkApiController {

	private final List<WorkItemSource> sources;

	private final Messages messages;

	WorkApiController(List<WorkItemSource> sources, Messages messages) {
		this.sources = sources;
		this.messages = messages;
	}

	record Item(String kind, String kindText, String title, @Nullable String detail, String link,
			@Nullable LocalDate due, @Nullable Instant since) {
	}

	record Work(int total, Map<String, Long> kinds, List<Item> items) {
	}

	@GetMapping("/api/v1/work")
	Work work(Locale locale) {
		List<WorkItem> all = new ArrayList<>();
		sources.forEach(source -> all.addAll(source.items()));
		Map<String, Long> kinds = new LinkedHashMap<>();
		List<Item> items = WorkItem.oldestFirst(all).stream().map(i -> {
			kinds.merge(i.kind(), 1L, Long::sum);
			return new Item(i.kind(), messages.get(i.kind(), new Object[0], locale), i.title(), i.detail(), i.link(),
					i.due(), i.since());
		}).toList();
		return new Work(items.size(), kinds, items);
	}

}
