package vn.ntm.assessment.internal;

import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ntm.assessment.AssessmentManagement;
import vn.ntm.assessment.AssessmentView;
import vn.ntm.assessment.EvidenceContent;
import vn.ntm.assessment.EvidenceFiles;
import vn.ntm.assessment.EvidenceView;
import vn.ntm.audit.AuditLog;
import vn.ntm.audit.AuditRecord;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.engine.CriterionDef;
import vn.ntm.criteria.engine.IndicatorDef;
import vn.ntm.criteria.engine.SetDefinition;
import vn.ntm.documents.Documents;
import vn.ntm.documents.StoredDocument;
import vn.ntm.security.AccessPolicy;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.NotFoundException;
import vn.ntm.shared.VnText;

/**
 * The evidence facade. An upload is checked (editable assessment, criterion and indicator
 * of its set) and handed to the documents store (name, size, type from the content),
 * which streams it to disk outside any database transaction; the row and its audit are
 * written in one short transaction that checks again that the assessment is still
 * editable.
 */
@Service
class EvidenceService implements EvidenceFiles {

	static final String ENTITY = "assessment_evidence";

	/** What the file is in the forms, for the messages of a refusal. */
	static final String FIELD = "evidence.field.upload";

	private static final int MAX_NOTE = 2000;

	private final AssessmentManagement assessments;

	private final CriteriaCatalog catalog;

	private final EvidenceStore store;

	private final Documents documents;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final TransactionTemplate reads;

	EvidenceService(AssessmentManagement assessments, CriteriaCatalog catalog, EvidenceStore store, Documents documents,
			AccessPolicy access, AuditLog audit, Clock clock, PlatformTransactionManager transactionManager) {
		this.assessments = assessments;
		this.catalog = catalog;
		this.store = store;
		this.documents = documents;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
		this.reads = new TransactionTemplate(transactionManager);
		this.reads.setReadOnly(true);
	}

	@Override
	public long maxFileSize() {
		return documents.maxFileSize();
	}

	@Override
	public EvidenceView upload(long assessmentId, @Nullable String criterion, @Nullable String indicator,
			String fileName, InputStream content, @Nullable String note) {
		AssessmentView assessment = assessments.requireEditable(assessmentId);
		String[] target = target(assessment, VnText.blankToNull(criterion), VnText.blankToNull(indicator));
		String text = VnText.blankToNull(note);
		if (text != null && text.length() > MAX_NOTE) {
			throw new BusinessRuleException("evidence.note.tooLong", MAX_NOTE);
		}
		StoredDocument file = documents.store(content, fileName, FIELD);
		return transactions.execute(status -> {
			AssessmentView still = assessments.requireEditable(assessmentId);
			long id = store.insert(assessmentId, target[0], target[1], file.fileName(), file.contentType(), file.size(),
					file.sha256(), text, access.current().username(), clock.instant());
			EvidenceView saved = require(id);
			String renamed = file.renamed() ? ", gửi lên với tên \"" + file.originalName() + "\"" : "";
			audit.record(
					AuditRecord.created(ENTITY, id, label(saved, still), "Tải lên tệp minh chứng \"" + file.fileName()
							+ "\" (" + saved.sizeText() + renamed + ") cho " + still.auditLabel(), snapshot(saved)));
			return saved;
		});
	}

	@Override
	public List<EvidenceView> list(long assessmentId) {
		return reads.execute(status -> {
			assessments.get(assessmentId);
			return store.ofAssessment(assessmentId);
		});
	}

	@Override
	public EvidenceContent open(long evidenceId) {
		EvidenceView file = reads.execute(status -> {
			EvidenceView found = require(evidenceId);
			assessments.get(found.assessmentId());
			return found;
		});
		if (file.deletedAt() != null) {
			throw new NotFoundException("evidence.notFound", evidenceId);
		}
		return new EvidenceContent(file, documents.open(file.sha256()));
	}

	@Override
	public EvidenceView delete(long evidenceId) {
		return transactions.execute(status -> {
			EvidenceView before = require(evidenceId);
			AssessmentView assessment = assessments.requireEditable(before.assessmentId());
			if (!store.markDeleted(evidenceId, access.current().username(), clock.instant())) {
				throw new NotFoundException("evidence.notFound", evidenceId);
			}
			EvidenceView deleted = require(evidenceId);
			audit.record(new AuditRecord(
					"DELETE", ENTITY, String.valueOf(evidenceId), label(deleted, assessment), "Xóa tệp minh chứng \""
							+ deleted.fileName() + "\" của " + assessment.auditLabel() + " (tệp vẫn được lưu giữ)",
					snapshot(before), snapshot(deleted)));
			return deleted;
		});
	}

	private EvidenceView require(long id) {
		return store.find(id).orElseThrow(() -> new NotFoundException("evidence.notFound", id));
	}

	/**
	 * The criterion and indicator the file backs, checked against the assessment's set;
	 * an indicator alone gives its criterion.
	 */
	private String[] target(AssessmentView assessment, @Nullable String criterion, @Nullable String indicator) {
		if (criterion == null && indicator == null) {
			return new String[] { null, null };
		}
		SetDefinition set = catalog.definition(assessment.setId());
		CriterionDef owner = null;
		if (criterion != null) {
			owner = set.criteria()
				.stream()
				.filter(c -> c.number().equals(criterion))
				.findFirst()
				.orElseThrow(() -> new BusinessRuleException("evidence.criterion.unknown", criterion,
						assessment.setLabel()));
		}
		if (indicator != null) {
			CriterionDef of = set.criteria()
				.stream()
				.filter(c -> c.indicators().stream().map(IndicatorDef::code).anyMatch(indicator::equals))
				.findFirst()
				.orElseThrow(() -> new BusinessRuleException("evidence.indicator.unknown", indicator,
						assessment.setLabel()));
			if (owner != null && owner != of) {
				throw new BusinessRuleException("evidence.indicator.otherCriterion", indicator, criterion);
			}
			owner = of;
		}
		return new String[] { owner.number(), indicator };
	}

	private static Map<String, Object> snapshot(EvidenceView view) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("assessmentId", view.assessmentId());
		map.put("criterionNumber", view.criterionNumber());
		map.put("indicatorCode", view.indicatorCode());
		map.put("fileName", view.fileName());
		map.put("contentType", view.contentType());
		map.put("size", view.size());
		map.put("sha256", view.sha256());
		map.put("note", view.note());
		map.put("uploadedBy", view.uploadedBy());
		map.put("uploadedAt", view.uploadedAt().toString());
		map.put("deletedBy", view.deletedBy());
		map.put("deletedAt", view.deletedAt() == null ? null : view.deletedAt().toString());
		return map;
	}

	private static String label(EvidenceView file, AssessmentView view) {
		return file.fileName() + " — " + view.auditLabel();
	}

}
