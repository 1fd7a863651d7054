package vn.ntm.criteria;

import java.time.LocalDate;

import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.orgunit.UnitType;
import vn.ntm.security.SystemTask;
import vn.ntm.support.TestData;

/**
 * Criteria sets the catalog tests make for themselves: copies of a shipped set under a
 * new code and in a period far in the future, so that no evaluation of the seed data or
 * of other tests ever meets them.
 */
final class CatalogTestSets {

	private CatalogTestSets() {
	}

	/** The shipped version 1 of a code. */
	static SetSummary shipped(CriteriaCatalog catalog, String code) {
		return SystemTask.call(() -> catalog.sets()
			.stream()
			.filter(s -> s.code().equals(code) && s.version() == 1)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no shipped set " + code)));
	}

	/** A unique set code: {@code T_<prefix>_<digits>}. */
	static String uniqueCode(String prefix) {
		return TestData.unique("T_" + prefix + "_");
	}

	/**
	 * A national draft: the shipped set's content under a new code, applying from
	 * {@code from} to {@code to}.
	 */
	static SetSummary draftCopy(CriteriaCatalog catalog, String shippedCode, String newCode, LocalDate from,
			LocalDate to) {
		return SystemTask.call(() -> {
			SetDocument d = catalog.document(shipped(catalog, shippedCode).id());
			return catalog.importDraft(new SetDocument(newCode, 1, d.name() + " (kiểm thử)", d.nameEn(), d.title(),
					d.unitLevel(), d.unitTypes(), from, to, d.decision(), d.legalBasis(), null, null,
					d.thresholdScheme(), d.thresholdRules(), d.prerequisites(), d.revocation(), d.sourceStatus(),
					d.sources(), d.note(), null, d.groups(), d.criteria()));
		});
	}

	/** As {@link #draftCopy}, published. */
	static SetSummary publishedCopy(CriteriaCatalog catalog, String shippedCode, String newCode, LocalDate from,
			LocalDate to) {
		SetSummary draft = draftCopy(catalog, shippedCode, newCode, from, to);
		return SystemTask.call(() -> catalog.publish(draft.id(), draft.rowVersion()));
	}

	static SetSummary summary(CriteriaCatalog catalog, long id) {
		return SystemTask.call(() -> catalog.summary(id));
	}

	static SetDocument document(CriteriaCatalog catalog, long id) {
		return SystemTask.call(() -> catalog.document(id));
	}

	/**
	 * A commune of Quảng Nam (before the 2025 reform) outside Tam Kỳ, whose results and
	 * titles the seed data and the assessment tests do not use: the {@code index}-th.
	 */
	static UnitRef quietCommune(UnitManagement units, TestData data, int index) {
		UnitRef quangNam = data.unit("49", TestData.BEFORE_REFORM);
		return SystemTask.call(() -> units.children(quangNam.id(), TestData.BEFORE_REFORM)
			.stream()
			.filter(district -> !"502".equals(district.code()))
			.flatMap(district -> units.children(district.id(), TestData.BEFORE_REFORM).stream())
			.filter(commune -> commune.type() == UnitType.XA)
			.skip(index)
			.findFirst()
			.orElseThrow());
	}

}
