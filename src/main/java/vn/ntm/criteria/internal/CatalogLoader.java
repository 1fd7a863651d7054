package vn.ntm.criteria.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ntm.criteria.SetDocument;
import vn.ntm.security.SystemTask;
import vn.ntm.shared.RejectedInput;
import vn.ntm.shared.StartupTask;

/**
 * Loads the shipped catalogs ({@code classpath:catalog/*.yaml}) on the first start, when
 * the catalog is empty, as published sets: what the programme's documents say, with every
 * missing threshold left for the owners to fill in. Afterwards the catalog belongs to its
 * owners and the files are not read again. Turned off with
 * {@code ntm.seed.criteria-catalog=false}.
 */
@Component
class CatalogLoader extends StartupTask {

	/**
	 * After the national unit lists (provinces own provincial sets), before the seed
	 * data.
	 */
	static final int PHASE = StartupTask.WEB_SERVER - 15;

	private static final Logger log = LoggerFactory.getLogger(CatalogLoader.class);

	private final CatalogService catalog;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final boolean enabled;

	CatalogLoader(CatalogService catalog, JdbcClient jdbc, TransactionTemplate transactions,
			@Value("${ntm.seed.criteria-catalog:true}") boolean enabled) {
		super(PHASE);
		this.catalog = catalog;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.enabled = enabled;
	}

	@Override
	protected void run() {
		if (!enabled) {
			return;
		}
		transactions.executeWithoutResult(status -> {
			jdbc.sql("select pg_advisory_xact_lock(727002)").query((rs, n) -> 1).list();
			if (jdbc.sql("select count(*) from criteria_set").query(Long.class).single() > 0) {
				return;
			}
			List<SetDocument> documents = inOrder(shipped());
			SystemTask.run(() -> documents.forEach(document -> {
				try {
					catalog.installPublished(document);
				}
				catch (RejectedInput ex) {
					ex.problems()
						.forEach(p -> log.error("catalog/{}: {} {} {}", document.code(), p.where(), p.key(), p.args()));
					throw ex;
				}
			}));
			log.info("Loaded {} criteria sets from classpath:catalog", documents.size());
			// thresholds whose direction contradicts their indicator: shown on the sets'
			// pages for an administrator to confirm, never changed here
			documents.forEach(document -> DirectionChecks.of(document)
				.forEach(flag -> log.warn("catalog/{}: chỉ tiêu {} cần xác nhận chiều so sánh ({}): {}",
						document.code(), flag.indicator(), flag.kind(), flag.requirements())));
		});
	}

	static List<SetDocument> shipped() {
		try {
			Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:catalog/*.yaml");
			List<SetDocument> documents = new ArrayList<>();
			for (Resource file : files) {
				try (var in = file.getInputStream()) {
					documents.add(CatalogFiles.readYaml(in.readAllBytes()));
				}
			}
			documents.sort(Comparator.comparing(SetDocument::code));
			return documents;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A set comes after the sets it refines or counts on. */
	static List<SetDocument> inOrder(List<SetDocument> documents) {
		List<SetDocument> ordered = new ArrayList<>();
		Set<String> placed = new LinkedHashSet<>();
		List<SetDocument> waiting = new ArrayList<>(documents);
		while (!waiting.isEmpty()) {
			boolean progress = false;
			for (SetDocument document : new ArrayList<>(waiting)) {
				Set<String> needs = needs(document);
				needs.removeIf(code -> code.equals(document.code()));
				if (placed.containsAll(needs) || needs.stream().noneMatch(c -> contains(documents, c))) {
					ordered.add(document);
					placed.add(document.code());
					waiting.remove(document);
					progress = true;
				}
			}
			if (!progress) {
				ordered.addAll(waiting);
				break;
			}
		}
		return ordered;
	}

	private static boolean contains(List<SetDocument> documents, String code) {
		return documents.stream().anyMatch(d -> d.code().equals(code));
	}

	private static Set<String> needs(SetDocument document) {
		Set<String> needs = new LinkedHashSet<>();
		if (document.refines() != null) {
			needs.add(document.refines().code());
		}
		for (SetDocument.CriterionDoc criterion : document.criteria() == null ? List.<SetDocument.CriterionDoc>of()
				: document.criteria()) {
			for (SetDocument.IndicatorDoc indicator : criterion.indicators() == null
					? List.<SetDocument.IndicatorDoc>of() : criterion.indicators()) {
				if (indicator.valueFrom() != null && indicator.valueFrom().set() != null) {
					needs.add(indicator.valueFrom().set());
				}
			}
		}
		return needs;
	}

}
