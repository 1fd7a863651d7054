package vn.ntm.seed;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.assessment.NewAssessment;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.SetSummary;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;

/**
 * The demo's year 2026: a draft against QĐ 51/2025 (the 2026–2030 set for xã) for the
 * post-reform communes that the seed communes became — Xã Tân Mỹ (Tuyên Quang, formed
 * with Xã Hùng Mỹ), Xã Xuân Cẩm (Bắc Ninh, formed with Xã Mai Đình) and the new Xã Xuân
 * Lương (Bắc Ninh). Drafts with nothing entered: no figure is invented. They stay DRAFT —
 * a step of their own, apart from the seed results that are recorded as decided.
 */
@Component
class DemoDrafts {

	static final String SET = "QD51_2025_XA_NTM";

	static final int YEAR = 2026;

	/** The post-reform communes, by their code as of 1/7/2025. */
	static final List<String> COMMUNES = List.of("02308", "07870", "07246");

	private final UnitManagement units;

	private final CriteriaCatalog catalog;

	private final AssessmentManagement assessments;

	DemoDrafts(UnitManagement units, CriteriaCatalog catalog, AssessmentManagement assessments) {
		this.units = units;
		this.catalog = catalog;
		this.assessments = assessments;
	}

	/** Opens the drafts (called by a system task); returns how many were opened. */
	int open() {
		SetSummary set = catalog.inForce(SET, LocalDate.of(YEAR, 12, 31)).orElse(null);
		if (set == null) {
			return 0;
		}
		int opened = 0;
		for (String code : COMMUNES) {
			UnitRef unit = units.findByCode(code, LocalDate.of(2025, 7, 1)).orElse(null);
			if (unit == null || assessments.find(unit.id(), set.id(), YEAR).isPresent()) {
				continue;
			}
			assessments.open(new NewAssessment(unit.id(), set.id(), YEAR, null,
					"Bản nháp minh họa năm 2026 (chưa có số liệu)", null));
			opened++;
		}
		return opened;
	}

}
