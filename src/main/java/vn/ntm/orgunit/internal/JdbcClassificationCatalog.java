package vn.ntm.orgunit.internal;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.audit.AuditLog;
import vn.ntm.audit.AuditRecord;
import vn.ntm.orgunit.ClassificationCatalog;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.Permission;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.VnText;

@Service
@Transactional
class JdbcClassificationCatalog implements ClassificationCatalog {

	private static final String CODE = "[A-Z][A-Z0-9_]{1,29}";

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final AuditLog audit;

	JdbcClassificationCatalog(JdbcClient jdbc, AccessPolicy access, AuditLog audit) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
	}

	@Override
	public void createScheme(String code, String name, @Nullable String description, boolean multiValued,
			boolean inherited) {
		access.require(Permission.SYSTEM_SETTINGS);
		String schemeCode = checkedCode(code);
		String schemeName = checkedName(name);
		if (exists("select count(*) from classification_scheme where code = :code", Map.of("code", schemeCode))) {
			throw new BusinessRuleException("classification.scheme.taken", schemeCode);
		}
		jdbc.sql(
				"""
						insert into classification_scheme (code, name, description, multi_valued, inherited, builtin, sort_order)
						values (:code, :name, :description, :multi, :inherited, false, 900)
						""")
			.param("code", schemeCode)
			.param("name", schemeName)
			.param("description", description == null || description.isBlank() ? null : description.trim())
			.param("multi", multiValued)
			.param("inherited", inherited)
			.update();
		audit.record(AuditRecord.created("classification_scheme", schemeCode, schemeName,
				"Thêm loại phân loại " + schemeName,
				Map.of("code", schemeCode, "name", schemeName, "multiValued", multiValued, "inherited", inherited)));
	}

	@Override
	public void addValue(String schemeCode, String code, String name) {
		access.require(Permission.SYSTEM_SETTINGS);
		String valueCode = checkedCode(code);
		String valueName = checkedName(name);
		if (!exists("select count(*) from classification_scheme where code = :code and retired_at is null",
				Map.of("code", schemeCode))) {
			throw new BusinessRuleException("classification.scheme.unknown", schemeCode);
		}
		if (exists("select count(*) from classification_value where scheme_code = :scheme and code = :code",
				Map.of("scheme", schemeCode, "code", valueCode))) {
			throw new BusinessRuleException("classification.value.taken", valueCode, schemeCode);
		}
		jdbc.sql("""
				insert into classification_value (scheme_code, code, name, sort_order)
				values (:scheme, :code, :name,
				        (select coalesce(max(sort_order), 0) + 1 from classification_value where scheme_code = :scheme))
				""").param("scheme", schemeCode).param("code", valueCode).param("name", valueName).update();
		audit.record(AuditRecord.created("classification_scheme", schemeCode, schemeCode,
				"Thêm giá trị " + valueName + " vào phân loại " + schemeCode,
				Map.of("code", valueCode, "name", valueName)));
	}

	@Override
	public void retireScheme(String code) {
		access.require(Permission.SYSTEM_SETTINGS);
		int updated = jdbc.sql("""
				update classification_scheme set retired_at = now()
				where code = :code and not builtin and retired_at is null
				""").param("code", code).update();
		if (updated == 0) {
			throw new BusinessRuleException("classification.scheme.notRetirable", code);
		}
		audit.record(new AuditRecord("RETIRE", "classification_scheme", code, code, "Ngừng dùng loại phân loại " + code,
				Map.of("retired", false), Map.of("retired", true)));
	}

	private boolean exists(String sql, Map<String, ?> params) {
		return jdbc.sql(sql).params(params).query(Long.class).single() > 0;
	}

	private static String checkedCode(String code) {
		String upper = code == null ? "" : code.trim().toUpperCase();
		if (!upper.matches(CODE)) {
			throw new BusinessRuleException("classification.code.invalid", code);
		}
		return upper;
	}

	private static String checkedName(String name) {
		String clean = name == null ? "" : VnText.clean(name);
		if (clean.isEmpty() || clean.length() > 200) {
			throw new BusinessRuleException("classification.name.invalid");
		}
		return clean;
	}

}
