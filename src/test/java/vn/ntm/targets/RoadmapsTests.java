package vn.ntm.targets;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import vn.ntm.audit.AuditLog;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.AccessRefused;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.ConcurrentChangeException;
import vn.ntm.shared.LocalizedMessages;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Roadmap targets through the facade: entered and read back below a parent, each bad
 * value refused naming its field with nothing saved, a stale version refused, another
 * unit's officer refused, every change audited.
 */
@IntegrationTest
class RoadmapsTests {

	static final Locale VI = Locale.forLanguageTag("vi");

	static final String SOURCE = "KH số .../KH-UBND tháng 01/2024 của UBND tỉnh Quảng Nam";

	@Autowired
	Roadmaps roadmaps;

	@Autowired
	AuditLog audit;

	@Autowired
	MessageSource messages;

	@Autowired
	TestData data;

	static <T> T as(UserView user, Supplier<T> work) {
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new UsernamePasswordAuthenticationToken(user.username(), null, List.of()));
		var previous = SecurityContextHolder.getContext();
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	static RoadmapTargetForm form(long unitId, String title, Integer year, String source, Integer version) {
		return new RoadmapTargetForm(unitId, title, year, null, source, LocalDate.of(2024, 10, 30), null, version);
	}

	@Test
	void shouldEnterAndReadBackBelowTheParentWithAnAuditRow() {
		UnitRef commune = data.commune("502", "Xã Lộ Trình");
		UserView officer = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, commune.code());
		UserView city = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "502");
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();

		RoadmapTarget saved = as(officer, () -> roadmaps.addTarget(form(commune.id(), "XA_NTM", 2024, SOURCE, null)));

		assertThat(saved.unitName()).contains(commune.name());
		assertThat(saved.titleName()).isEqualTo("Xã đạt chuẩn nông thôn mới");
		assertThat(saved.rowVersion()).isZero();
		assertThat(as(city, () -> roadmaps.targetsBelow(tamKy, "XA_NTM", 2024))).extracting(RoadmapTarget::id)
			.contains(saved.id());
		assertThat(as(city, () -> roadmaps.targetsBelow(tamKy, "XA_NTM_KIEU_MAU", null))).extracting(RoadmapTarget::id)
			.doesNotContain(saved.id());
		assertThat(as(city, () -> roadmaps.targetsOf(commune.id()))).singleElement()
			.satisfies(t -> assertThat(t.source()).isEqualTo(SOURCE));

		RoadmapTarget changed = as(officer,
				() -> roadmaps.updateTarget(saved.id(), form(commune.id(), "XA_NTM", 2025, SOURCE, 0)));
		assertThat(changed.year()).isEqualTo(2025);
		assertThat(changed.rowVersion()).isEqualTo(1);
		assertThat(SystemTask.call(() -> audit.historyOf("roadmap_target", String.valueOf(saved.id()), 10))).hasSize(2);
		assertThatThrownBy(() -> as(officer,
				() -> roadmaps.updateTarget(saved.id(), form(commune.id(), "XA_NTM", 2026, SOURCE, 0))))
			.isInstanceOf(ConcurrentChangeException.class);
	}

	@Test
	void shouldNameTheFieldOfEachBadValueAndSaveNothing() {
		UnitRef commune = data.commune("502", "Xã Lộ Trình");
		UserView city = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, commune.code());

		assertRefused(city, form(commune.id(), "", 2024, SOURCE, null), "Danh hiệu: bắt buộc");
		assertRefused(city, form(commune.id(), "XA_KHONG_CO", 2024, SOURCE, null), "XA_KHONG_CO");
		assertRefused(city, form(commune.id(), "XA_NTM", null, SOURCE, null), "Năm đạt chuẩn: bắt buộc");
		assertRefused(city, form(commune.id(), "XA_NTM", 1990, SOURCE, null), "Năm đạt chuẩn: 1990");
		assertRefused(city, form(commune.id(), "XA_NTM", 2024, " ", null), "Kế hoạch / nguồn");
		as(city, () -> roadmaps.addTarget(form(commune.id(), "XA_NTM", 2024, SOURCE, null)));
		assertRefused(city, form(commune.id(), "XA_NTM", 2025, SOURCE, null), "mỗi kế hoạch chỉ ghi một năm");
		assertThat(as(city, () -> roadmaps.targetsOf(commune.id()))).hasSize(1);
	}

	@Test
	void shouldRefuseAnotherUnitsOfficer() {
		UnitRef commune = data.commune("502", "Xã Lộ Trình");
		UserView other = data.user(Role.COMMUNE_OFFICER, TestData.BEFORE_REFORM, "20359");

		assertThatThrownBy(() -> as(other, () -> roadmaps.addTarget(form(commune.id(), "XA_NTM", 2024, SOURCE, null))))
			.isInstanceOf(AccessRefused.class);
		assertThatThrownBy(() -> as(other, () -> roadmaps.targetsOf(commune.id()))).isInstanceOf(AccessRefused.class);
	}

	private void assertRefused(UserView user, RoadmapTargetForm form, String... parts) {
		assertThatThrownBy(() -> as(user, () -> roadmaps.addTarget(form))).isInstanceOfSatisfying(
				BusinessRuleException.class,
				e -> assertThat(LocalizedMessages.get(messages, e.messageKey(), e.arguments(), VI)).contains(parts));
	}

}
