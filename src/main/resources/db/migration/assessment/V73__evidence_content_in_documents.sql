-- The bytes of evidence files are kept by the documents module (vn.ntm.documents), which finds a file by its
-- SHA-256 alone: its place on disk is always ab/cd/<sha256> under the same directory as before
-- (ntm.documents.dir, which defaults to the evidence directory). assessment_evidence keeps what the evidence
-- is (assessment, criterion, name, type, size, sha256, note, who); the storage key, a copy of the hash in the
-- storage's own layout, goes. Checked first: should any row's key not be the one its hash gives, the
-- migration stops and nothing is dropped.
do $$
declare
    odd bigint;
begin
    select count(*) into odd from assessment_evidence
    where storage_key <> substr(sha256, 1, 2) || '/' || substr(sha256, 3, 2) || '/' || sha256;
    if odd > 0 then
        raise exception 'assessment_evidence: % row(s) whose storage_key is not ab/cd/<sha256>; not dropped', odd;
    end if;
end
$$;

alter table assessment_evidence drop column storage_key;
