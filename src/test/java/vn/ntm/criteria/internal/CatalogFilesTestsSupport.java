package vn.ntm.criteria.internal;

import java.util.List;

import vn.ntm.criteria.SetDocument;
import vn.ntm.criteria.SetDocument.CriterionDoc;
import vn.ntm.criteria.SetDocument.IndicatorDoc;
import vn.ntm.criteria.SetDocument.RequirementDoc;

/** Documents made for catalog tests from the shipped ones. */
public final class CatalogFilesTestsSupport {

	private CatalogFilesTestsSupport() {
	}

	/** The set with 15.3's operator as the source printed it ("≥"), under a test code. */
	public static SetDocument withStuntingAsPrinted(SetDocument document) {
		List<CriterionDoc> criteria = document.criteria().stream().map(c -> {
			if (c.indicators() == null) {
				return c;
			}
			List<IndicatorDoc> indicators = c.indicators().stream().map(i -> {
				if (!i.code().equals("15.3")) {
					return i;
				}
				List<RequirementDoc> printed = i.requirements()
					.stream()
					.map(r -> new RequirementDoc(r.forClass(), "GE", r.value(), r.values(), r.text(), r.printed(),
							r.note(), r.source()))
					.toList();
				return new IndicatorDoc(i.code(), i.name(), i.nameStatus(), i.type(), i.unit(), i.input(),
						i.valueFrom(), printed, i.maxPoints(), i.maxValue(), i.choices(), i.source(), i.note());
			}).toList();
			return new CriterionDoc(c.number(), c.kind(), c.name(), c.nameStatus(), c.group(), c.agency(), c.rule(),
					c.critical(), c.retired(), c.source(), c.note(), indicators);
		}).toList();
		return new SetDocument(document.code(), document.version(), document.name(), document.nameEn(),
				document.title(), document.unitLevel(), document.unitTypes(), document.validFrom(), document.validTo(),
				document.decision(), document.legalBasis(), document.owner(), document.refines(),
				document.thresholdScheme(), document.thresholdRules(), document.prerequisites(), document.revocation(),
				document.sourceStatus(), document.sources(), document.note(), document.status(), document.groups(),
				criteria);
	}

}
