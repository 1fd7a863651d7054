package vn.ntm.assessment.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;
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
import vn.ntm.security.AccessPolicy;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.NotFoundException;
import vn.ntm.shared.VnText;

/**
 * The evidence facade. An upload is checked (editable assessment, criterion and indicator
 * of its set, name, size, type from the content) and streamed to disk outside any
 * database transaction; the row and its audit are written in one short transaction that
 * checks again that the assessment is still editable.
 */
@Service
class EvidenceService implements EvidenceFiles {

	static final String ENTITY = "assessment_evidence";

	private static final int MAX_NAME = 255;

	private static final int MAX_NOTE = 2000;

	private final AssessmentManagement assessments;

	private final CriteriaCatalog catalog;

	private final EvidenceStore store;

	private final EvidenceStorage storage;

	private final EvidenceTypes types;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final TransactionTemplate reads;

	private final long maxFileSize;

	EvidenceService(AssessmentManagement assessments, CriteriaCatalog catalog, EvidenceStore store,
			EvidenceStorage storage, EvidenceTypes types, AccessPolicy access, AuditLog audit, Clock clock,
			PlatformTransactionManager transactionManager,
			@Value("${ntm.evidence.max-file-size:20MB}") DataSize maxFileSize) {
		this.assessments = assessments;
		this.catalog = catalog;
		this.store = store;
		this.storage = storage;
		this.types = types;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
		this.reads = new TransactionTemplate(transactionManager);
		this.reads.setReadOnly(true);
		this.maxFileSize = maxFileSize.toBytes();
	}

	@Override
	public long maxFileSize() {
		return maxFileSize;
	}

	@Override
	public EvidenceView upload(long assessmentId, @Nullable String criterion, @Nullable String indicator,
			String fileName, InputStream content, @Nullable String note) {
		AssessmentView assessment = assessments.requireEditable(assessmentId);
		String name = fileName(fileName);
		String[] target = target(assessment, VnText.blankToNull(criterion), VnText.blankToNull(indicator));
		String text = VnText.blankToNull(note);
		if (text != null && text.length() > MAX_NOTE) {
			throw new BusinessRuleException("evidence.note.tooLong", MAX_NOTE);
		}
		EvidenceStorage.Received received;
		try {
			received = storage.receive(content, maxFileSize);
		}
		catch (EvidenceStorage.TooLarge ex) {
			throw new BusinessRuleException("evidence.tooLarge", name, EvidenceView.bytes(maxFileSize));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			if (received.size() == 0) {
				throw new BusinessRuleException("evidence.empty", name);
			}
			EvidenceTypes.Detected detected = types.detect(received.temp(), name);
			if (!detected.accepted()) {
				throw new BusinessRuleException("evidence.type.refused", name, detected.type());
			}
			String stored = storedName(types.nameFor(name, detected.type()));
			String key = storage.keep(received);
			return transactions.execute(status -> {
				AssessmentView still = assessments.requireEditable(assessmentId);
				long id = store.insert(assessmentId, target[0], target[1], stored, detected.type(), received.size(),
						received.sha256(), key, text, access.current().username(), clock.instant());
				EvidenceView saved = require(id).view();
				String renamed = stored.equals(name) ? "" : ", gửi lên với tên \"" + name + "\"";
				audit.record(AuditRecord.created(ENTITY, id, label(saved, still), "Tải lên tệp minh chứng \"" + stored
						+ "\" (" + saved.sizeText() + renamed + ") cho " + still.auditLabel(), snapshot(saved)));
				return saved;
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			storage.discard(received);
		}
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
		EvidenceStore.Row row = reads.execute(status -> {
			EvidenceStore.Row found = require(evidenceId);
			assessments.get(found.view().assessmentId());
			return found;
		});
		if (row.view().deletedAt() != null) {
			throw new NotFoundException("evidence.notFound", evidenceId);
		}
		return new EvidenceContent(row.view(), new FileSystemResource(storage.path(row.storageKey())));
	}

	@Override
	public EvidenceView delete(long evidenceId) {
		return transactions.execute(status -> {
			EvidenceStore.Row row = require(evidenceId);
			AssessmentView assessment = assessments.requireEditable(row.view().assessmentId());
			if (!store.markDeleted(evidenceId, access.current().username(), clock.instant())) {
				throw new NotFoundException("evidence.notFound", evidenceId);
			}
			EvidenceView deleted = require(evidenceId).view();
			audit.record(new AuditRecord(
					"DELETE", ENTITY, String.valueOf(evidenceId), label(deleted, assessment), "Xóa tệp minh chứng \""
							+ deleted.fileName() + "\" của " + assessment.auditLabel() + " (tệp vẫn được lưu giữ)",
					snapshot(row.view()), snapshot(deleted)));
			return deleted;
		});
	}

	private EvidenceStore.Row require(long id) {
		return store.find(id).orElseThrow(() -> new NotFoundException("evidence.notFound", id));
	}

	/**
	 * Characters that show nothing, or change how the rest is shown: controls, format
	 * characters (bidirectional embeddings, overrides and isolates U+202A–U+202E,
	 * U+2066–U+2069, the marks U+200E/U+200F and U+061C, zero-width U+200B–U+200D,
	 * U+2060, U+FEFF, tags), line and paragraph separators, private use, lone surrogates,
	 * variation selectors, the combining grapheme joiner and the blank-looking fillers. A
	 * file named "U+202E fdp.exe" would show as "exe.pdf".
	 */
	private static final Pattern INVISIBLE = Pattern
		.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Co}\\p{Cs}\\u034F\\u115F\\u1160\\u2800\\u3164\\uFFA0\\uFE00-\\uFE0F"
				+ "\\x{E0100}-\\x{E01EF}]");

	/** Spaces of other widths (no-break, ideographic, thin…), read as one plain space. */
	private static final Pattern SPACES = Pattern.compile("[\\p{Zs}\\s]+");

	/**
	 * The name as uploaded without any path a browser may send, in composed Unicode
	 * (Vietnamese letters kept), without invisible characters ({@link #INVISIBLE}) and
	 * with plain single spaces.
	 */
	static String fileName(@Nullable String given) {
		String name = given == null ? "" : given;
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = Normalizer.normalize(name, Normalizer.Form.NFC);
		name = SPACES.matcher(INVISIBLE.matcher(name).replaceAll("")).replaceAll(" ").strip();
		if (name.isEmpty() || name.equals(".") || name.equals("..")) {
			throw new BusinessRuleException("evidence.fileName.required");
		}
		if (name.length() > MAX_NAME) {
			throw new BusinessRuleException("evidence.fileName.tooLong", MAX_NAME);
		}
		return name;
	}

	/**
	 * A name whose extension was added or replaced, shortened before the extension if it
	 * grew over the limit.
	 */
	private static String storedName(String name) {
		if (name.length() <= MAX_NAME) {
			return name;
		}
		int dot = name.lastIndexOf('.');
		String extension = dot > 0 ? name.substring(dot) : "";
		return name.substring(0, MAX_NAME - extension.length()).strip() + extension;
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
