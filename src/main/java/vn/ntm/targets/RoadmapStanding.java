package vn.ntm.targets;

/**
 * A roadmap target's status at a date with the reason in words ("Xã Đại Chánh: mục tiêu
 * NTM 2024, hiện đạt 16/19, thiếu 10, 11, 17; hồ sơ chưa nộp; hạn nộp 30/10/2024, còn 12
 * ngày").
 */
public record RoadmapStanding(RoadmapTarget target, RoadmapStatus status, String reason) {
}
