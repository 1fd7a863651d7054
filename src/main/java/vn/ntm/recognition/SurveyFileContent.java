package vn.ntm.recognition;

import org.springframework.core.io.Resource;

/** A survey's result file with its bytes, for a reader of the survey's unit. */
public record SurveyFileContent(SurveyFile file, Resource content) {
}
