package vn.ntm.assessment.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.assessment.AssessmentStatus;
import vn.ntm.assessment.AssessmentView;
import vn.ntm.assessment.EvidenceFiles;
import vn.ntm.assessment.EvidenceView;
import vn.ntm.criteria.CriteriaCatalog;

/**
 * What the "Hồ sơ minh chứng" section of an evaluation page shows: the files, whether the
 * user may upload and delete (may enter for the unit, assessment editable), the criteria
 * to choose from and the size limit.
 */
@Component
class EvidenceSection {

	private final EvidenceFiles evidence;

	private final AssessmentManagement assessments;

	private final CriteriaCatalog catalog;

	EvidenceSection(EvidenceFiles evidence, AssessmentManagement assessments, CriteriaCatalog catalog) {
		this.evidence = evidence;
		this.assessments = assessments;
		this.catalog = catalog;
	}

	/** A criterion to choose in the upload form. */
	record Option(String number, @Nullable String name) {
	}

	void fill(Model model, AssessmentView assessment) {
		List<EvidenceView> files = evidence.list(assessment.id());
		boolean unlocked = AssessmentStatus.valueOf(assessment.status()).editable();
		boolean editable = assessments.canEnter(assessment.unitId()) && unlocked;
		model.addAttribute("evidenceOf", assessment);
		model.addAttribute("evidenceFiles", files);
		model.addAttribute("evidenceEditable", editable);
		model.addAttribute("evidenceLocked", !unlocked);
		model.addAttribute("evidenceMaxBytes", evidence.maxFileSize());
		model.addAttribute("evidenceMax", EvidenceView.bytes(evidence.maxFileSize()));
		model.addAttribute("evidenceCriteria",
				catalog.definition(assessment.setId())
					.active()
					.stream()
					.map(c -> new Option(c.number(), c.name()))
					.toList());
	}

}
