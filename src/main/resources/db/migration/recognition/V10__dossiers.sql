-- Recognition dossiers (hồ sơ xét công nhận): a unit's dossier for a title and an assessment year, the
-- steps it travels through (configured per period, as data), the documents each title and level requires
-- (uploaded with versions into the documents store), the deadlines a plan sets per province and year, and
-- the satisfaction bars a title's conditions state. Units are orgunit identities, referenced without
-- foreign keys across modules (the facade checks them). Every row of seeded data names its basis:
-- found (the text says so), practice (how provinces do it), inferred, old (a repealed rule, kept because
-- nothing newer was found) — see /work/shared/reference/criteria/recognition.md.

-- A route: the steps a dossier of a level takes, by the date it is opened.
create table dossier_route (
    code        text primary key,
    unit_level  smallint not null check (unit_level between 1 and 4),
    valid_from  date not null,
    valid_to    date,                 -- last day a dossier may be opened on this route
    name        text not null,
    name_en     text,
    basis       text not null check (basis in ('found', 'practice', 'inferred', 'old')),
    source      text not null
);

-- The steps of a route. office: who handles the step, relative to the dossier's unit — the unit itself
-- (UNIT), its district (DISTRICT), its province (PROVINCE). kind: SUBMIT (the unit sends it on), REVIEW
-- (an office checks it and sends it on or returns it), DECIDE (the decision: conditions checked, the title
-- awarded), ANNOUNCE (the public announcement).
create table dossier_route_step (
    route_code  text not null references dossier_route (code),
    position    int not null check (position >= 1),
    code        text not null,
    name        text not null,
    name_en     text,
    office      text not null check (office in ('UNIT', 'DISTRICT', 'PROVINCE')),
    kind        text not null check (kind in ('SUBMIT', 'REVIEW', 'DECIDE', 'ANNOUNCE')),
    primary key (route_code, position),
    unique (route_code, code)
);

insert into dossier_route (code, unit_level, valid_from, valid_to, name, name_en, basis, source) values
    ('XA_2021', 3, date '2021-01-01', date '2025-06-30',
     'Xã, giai đoạn 2021-2025 (trước 01/7/2025)', 'Commune, 2021-2025 (before 1/7/2025)', 'practice',
     'QĐ 18/2022/QĐ-TTg (toàn văn chưa có); trình tự dựng lại từ thực tiễn các tỉnh (Thủy Nguyên: báo cáo thẩm tra '
     || 'của huyện; Quảng Nam 27/7/2023: Hội đồng thẩm định tỉnh) — tài liệu tham chiếu recognition.md mục 3.1'),
    ('XA_2025', 3, date '2025-07-01', null,
     'Xã, từ 01/7/2025 (chính quyền hai cấp, không còn cấp huyện)', 'Commune, from 1/7/2025 (no district tier)',
     'inferred',
     'Cấp huyện kết thúc 30/6/2025 (NĐ 131/2025/NĐ-CP); không có bước thẩm tra cấp huyện — suy ra, '
     || 'tài liệu tham chiếu recognition.md mục 5');

insert into dossier_route_step (route_code, position, code, name, name_en, office, kind) values
    ('XA_2021', 1, 'SUBMIT', 'Xã nộp hồ sơ', 'Commune submits', 'UNIT', 'SUBMIT'),
    ('XA_2021', 2, 'DISTRICT_REVIEW', 'Huyện thẩm tra', 'District review', 'DISTRICT', 'REVIEW'),
    ('XA_2021', 3, 'PROVINCE_APPRAISAL', 'Hội đồng thẩm định tỉnh', 'Provincial appraisal council', 'PROVINCE', 'REVIEW'),
    ('XA_2021', 4, 'DECISION', 'Quyết định công nhận', 'Recognition decision', 'PROVINCE', 'DECIDE'),
    ('XA_2021', 5, 'ANNOUNCE', 'Công bố', 'Public announcement', 'PROVINCE', 'ANNOUNCE'),
    ('XA_2025', 1, 'SUBMIT', 'Xã nộp hồ sơ', 'Commune submits', 'UNIT', 'SUBMIT'),
    ('XA_2025', 2, 'PROVINCE_APPRAISAL', 'Hội đồng thẩm định tỉnh', 'Provincial appraisal council', 'PROVINCE', 'REVIEW'),
    ('XA_2025', 3, 'DECISION', 'Quyết định công nhận', 'Recognition decision', 'PROVINCE', 'DECIDE'),
    ('XA_2025', 4, 'ANNOUNCE', 'Công bố', 'Public announcement', 'PROVINCE', 'ANNOUNCE');

-- The documents a dossier requires, per level (and title, when only one title needs it), each due at a
-- step of the route (a route without that step does not ask for it).
create table dossier_checklist_item (
    code        text not null,
    unit_level  smallint not null check (unit_level between 1 and 4),
    title_code  text,                 -- null: every title of the level
    position    int not null,
    name        text not null,
    name_en     text,
    step_code   text not null,
    basis       text not null check (basis in ('found', 'practice', 'inferred', 'old')),
    note        text not null,
    primary key (unit_level, code)
);

insert into dossier_checklist_item (code, unit_level, title_code, position, name, name_en, step_code, basis, note) values
    ('TO_TRINH', 3, null, 1, 'Tờ trình đề nghị xét công nhận', 'Request for recognition', 'SUBMIT', 'old',
     'Mẫu theo TT 40/2014/TT-BNNPTNT (thủ tục PTNT04, VNPT iGate Vĩnh Phúc); danh mục theo QĐ 18/2022 chưa có'),
    ('BAO_CAO_KET_QUA', 3, null, 2, 'Báo cáo kết quả xây dựng nông thôn mới', 'Report on results', 'SUBMIT', 'old',
     'Mẫu theo TT 40/2014/TT-BNNPTNT (thủ tục PTNT04); danh mục theo QĐ 18/2022 chưa có'),
    ('BAO_CAO_TONG_HOP_Y_KIEN', 3, null, 3, 'Báo cáo tổng hợp ý kiến tham gia', 'Summary of opinions', 'SUBMIT', 'old',
     'Mẫu theo TT 40/2014/TT-BNNPTNT (thủ tục PTNT04); danh mục theo QĐ 18/2022 chưa có'),
    ('BIEN_BAN_HOP', 3, null, 4, 'Biên bản cuộc họp', 'Minutes of the meeting', 'SUBMIT', 'old',
     'Mẫu theo TT 40/2014/TT-BNNPTNT (thủ tục PTNT04); danh mục theo QĐ 18/2022 chưa có'),
    ('KET_QUA_HAI_LONG', 3, null, 5, 'Kết quả lấy ý kiến sự hài lòng của người dân', 'Satisfaction survey result',
     'SUBMIT', 'inferred',
     'Suy ra: danh mục năm 2022 có lẽ thêm báo cáo lấy ý kiến sự hài lòng (HD 90/HD-MTTW-BTT)'),
    ('BAO_CAO_THAM_TRA', 3, null, 6, 'Báo cáo thẩm tra của huyện', 'District review report', 'DISTRICT_REVIEW',
     'inferred', 'Suy ra từ thực tiễn (Thủy Nguyên: báo cáo thẩm tra của đoàn thẩm tra huyện)'),
    ('BAO_CAO_THAM_DINH', 3, null, 7, 'Báo cáo thẩm định của Hội đồng thẩm định tỉnh', 'Provincial appraisal report',
     'PROVINCE_APPRAISAL', 'inferred',
     'Suy ra: danh mục năm 2022 có lẽ thêm báo cáo thẩm định (thực tiễn Quảng Nam 27/7/2023)');

-- The deadline a plan sets for leaving a step, per province (its official code), title and assessment year.
create table dossier_deadline (
    id           bigserial primary key,
    province_code text not null,
    title_code   text not null,
    year         int not null check (year between 2000 and 2100),
    step_code    text not null,
    due          date not null,
    source       text not null,
    unique (province_code, title_code, year, step_code)
);

-- Seed 001 (Kế hoạch UBND tỉnh Quảng Nam thực hiện Chương trình MTQG xây dựng NTM năm 2024-2025, mục 1-3):
-- "UBND các xã hoàn thành hồ sơ xét công nhận ... năm 2024 trình UBND cấp huyện trước ngày 30/10/2024; cấp
-- huyện trình UBND tỉnh trước ngày 30/11/2024"; năm 2025: 30/5/2025 và 30/6/2025. The same for NTM, NTM
-- nâng cao and NTM kiểu mẫu.
insert into dossier_deadline (province_code, title_code, year, step_code, due, source)
select '49', t.code, d.year, d.step, d.due,
       'Kế hoạch thực hiện Chương trình MTQG xây dựng NTM tỉnh Quảng Nam năm 2024-2025 (UBND tỉnh, tháng 01/2024): '
       || d.words
from (values ('XA_NTM'), ('XA_NTM_NANG_CAO'), ('XA_NTM_KIEU_MAU')) as t (code),
     (values (2024, 'SUBMIT', date '2024-10-30', 'xã trình UBND cấp huyện trước ngày 30/10/2024'),
             (2024, 'DISTRICT_REVIEW', date '2024-11-30', 'cấp huyện trình UBND tỉnh trước ngày 30/11/2024'),
             (2025, 'SUBMIT', date '2025-05-30', 'xã trình UBND cấp huyện trước ngày 30/5/2025'),
             (2025, 'DISTRICT_REVIEW', date '2025-06-30', 'cấp huyện trình UBND tỉnh trước ngày 30/6/2025'))
         as d (year, step, due, words);

-- The least share of satisfied residents a title's conditions require, for the assessment years given.
-- Only bars a text states: none is known for a xã (the rate under QĐ 18/2022 / HD 90 was not found).
create table dossier_satisfaction_bar (
    id          bigserial primary key,
    title_code  text not null,
    from_year   int not null,
    to_year     int not null,
    percent     numeric(5, 2) not null check (percent > 0 and percent <= 100),
    source      text not null,
    unique (title_code, from_year)
);

insert into dossier_satisfaction_bar (title_code, from_year, to_year, percent, source) values
    ('HUYEN_NTM', 2021, 2025, 90,
     'Quyết định 320/QĐ-TTg ngày 08/3/2022, Phụ lục I, điều kiện H.4 (huyện nông thôn mới 2021-2025)');

create table dossier (
    id               bigserial primary key,
    unit_id          bigint not null,
    title_code       text not null,
    year             int not null check (year between 2000 and 2100),
    route_code       text not null references dossier_route (code),
    state            text not null check (state in ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'RETURNED', 'APPROVED',
                                                    'WITHDRAWN')),
    step_position    int,                 -- the pending step; null when every step is done
    step_since       timestamptz not null default now(),
    submitted_on     date,
    security_complex boolean,             -- "tình hình an ninh trật tự phức tạp", as its source assesses
    security_source  text,
    decision_number  text,
    decided_on       date,
    issuer           text,
    award_id         bigint,
    announced_on     date,
    opened_on        date not null,      -- the day it was opened (decides the route)
    opened_by        text not null,
    opened_at        timestamptz not null default now(),
    row_version      int not null default 0,
    changed_at       timestamptz not null default now(),
    changed_by       text not null
);
-- one live dossier per unit, title and year
create unique index dossier_once on dossier (unit_id, title_code, year) where state <> 'WITHDRAWN';
create index dossier_unit_idx on dossier (unit_id);

-- What happened to a dossier, step by step.
create table dossier_step_event (
    id              bigserial primary key,
    dossier_id      bigint not null references dossier (id),
    position        int not null,
    step_code       text not null,
    action          text not null check (action in ('SUBMIT', 'APPROVE', 'RETURN', 'WITHDRAW')),
    reason          text,
    done_on         date not null,      -- the day it was done (may be entered after the fact)
    office_unit_id  bigint,
    actor           text not null,
    at              timestamptz not null default now()
);
create index dossier_step_event_idx on dossier_step_event (dossier_id, id);

-- The files uploaded for a checklist item, each upload a new version; the content is in the documents store.
create table dossier_document (
    id             bigserial primary key,
    dossier_id     bigint not null references dossier (id),
    item_code      text not null,
    version        int not null check (version >= 1),
    sha256         text not null,
    file_name      text not null,
    original_name  text not null,
    content_type   text not null,
    size           bigint not null,
    uploaded_by    text not null,
    uploaded_at    timestamptz not null default now(),
    unique (dossier_id, item_code, version)
);
