package vn.ntm.assessment;

import org.springframework.core.io.Resource;

/** An evidence file and its content on disk, for download. */
public record EvidenceContent(EvidenceView file, Resource content) {
}
