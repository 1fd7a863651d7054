package vn.ntm.recognition.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ntm.orgunit.Merge;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.recognition.NewTitleAward;
import vn.ntm.recognition.TitleAward;
import vn.ntm.recognition.Titles;
import vn.ntm.security.SystemTask;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The start-up check: a title whose unit ended without the listener having run (titles
 * recorded before the check existed, lists loaded with their reorganisations) is ended
 * with the unit; a title already ended is left as it is.
 */
@IntegrationTest
class TitleEndsTests {

	@Autowired
	Titles titles;

	@Autowired
	TitleEnds ends;

	@Autowired
	UnitManagement units;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shouldEndAtStartUpTheTitlesOfUnitsThatEnded() {
		UnitRef absorbed = data.commune("502", "Xã Khởi Động");
		UnitRef absorbing = data.commune("502", "Xã Tiếp Nhận Danh Hiệu");
		TitleAward award = SystemTask.call(() -> titles.award(absorbed.id(),
				new NewTitleAward("XA_NTM", 2021, LocalDate.of(2021, 11, 30), "9/QĐ-UBND", null, null, null)));
		LocalDate date = LocalDate.of(2024, 1, 1);
		SystemTask.call(() -> units.merge(new Merge(List.of(absorbed.id(), absorbing.id()), date, absorbing.id(), null,
				"NQ sáp nhập thử", null)));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> SystemTask.call(() -> titles.historyOf(absorbed.id())).get(0).endedOn() != null);

		// as if the listener had never run
		jdbc.sql("update title_award set ended_on = null, end_reason = null where id = :id")
			.param("id", award.id())
			.update();
		assertThat(SystemTask.call(() -> titles.historyOf(absorbed.id())).get(0).endedOn()).isNull();

		ends.run();

		TitleAward ended = SystemTask.call(() -> titles.historyOf(absorbed.id())).get(0);
		assertThat(ended.endedOn()).isEqualTo(date);
		assertThat(ended.endReason()).startsWith("Sáp nhập vào " + absorbing.fullName());
		// the absorbing commune goes on: its identity holds no title of the absorbed one
		assertThat(SystemTask.call(() -> titles.historyOf(absorbing.id()))).isEmpty();
		int version = ended.rowVersion();
		ends.run();
		assertThat(SystemTask.call(() -> titles.historyOf(absorbed.id())).get(0).rowVersion()).isEqualTo(version);
	}

}
