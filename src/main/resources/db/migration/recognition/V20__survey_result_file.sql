-- The result file of a satisfaction survey (biên bản / báo cáo kết quả lấy ý kiến of the MTTQ), one per
-- survey: its bytes are kept by the documents module under their SHA-256, the survey keeps the reference.
-- Replacing the file keeps the earlier bytes in the store (nothing stored is deleted) and is audited.

alter table satisfaction_survey
    add column result_file_name     text,
    add column result_content_type  text,
    add column result_size_bytes    bigint check (result_size_bytes >= 0),
    add column result_sha256        text check (result_sha256 ~ '^[0-9a-f]{64}$'),
    add column result_uploaded_by   text,
    add column result_uploaded_at   timestamptz,
    add constraint satisfaction_survey_result_file check (
        (result_sha256 is null) = (result_file_name is null)
        and (result_sha256 is null) = (result_content_type is null)
        and (result_sha256 is null) = (result_size_bytes is null)
        and (result_sha256 is null) = (result_uploaded_at is null));
