package vn.ntm.recognition;

import java.time.LocalDate;

/**
 * The revocation-risk list (danh sách nguy cơ thu hồi): for a parent unit and a date, the
 * units below it holding a title whose latest result for that title, as the criteria
 * engine judges it ({@link vn.ntm.criteria.engine.RevocationVerdict}, the one owner of
 * the QĐ 18/2022 shares), crosses the shares for revocation — and those whose undecided
 * criteria could still make it cross. Results come through the assessment facade; the
 * reader must read the parent.
 */
public interface RevocationRisks {

	RiskList below(long parentId, LocalDate at);

}
