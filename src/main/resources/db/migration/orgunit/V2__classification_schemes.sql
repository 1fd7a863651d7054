-- The classification schemes the criteria need (see shared/reference/criteria). They are structure, not
-- data: which unit holds which value is entered by the programme's owners or loaded from a cited file.

insert into classification_scheme (code, name, name_en, description, multi_valued, inherited, builtin, sort_order)
values ('VUNG', 'Vùng kinh tế - xã hội', 'Socio-economic region',
        'Chọn mức đạt chuẩn theo vùng của Bộ tiêu chí 2021–2025 (QĐ 318/QĐ-TTg). Đặt cho tỉnh; xã, huyện kế thừa.',
        false, true, true, 10),
       ('NHOM_XA', 'Nhóm xã giai đoạn 2026–2030', 'Commune group 2026–2030',
        'Chọn mức đạt chuẩn theo nhóm xã của Bộ tiêu chí 2026–2030 (QĐ 51/2025/QĐ-TTg).',
        false, false, true, 20),
       ('DIA_BAN', 'Địa bàn miền núi / đồng bằng', 'Mountainous or plain',
        'Dùng cho các mục tiêu như "≥ 50% thôn miền núi đạt chuẩn".', false, true, true, 30),
       ('KHU_VUC_DTTS', 'Khu vực vùng đồng bào DTTS và miền núi', 'Ethnic-minority area class',
        'Khu vực I, II, III theo phân định của cấp có thẩm quyền.', false, false, true, 40),
       ('DBKK', 'Xã đặc biệt khó khăn, an toàn khu', 'Especially disadvantaged / safe zone',
        'Xã thuộc diện này áp dụng mức đạt chuẩn của vùng Trung du miền núi phía Bắc (QĐ 318, QĐ 211/2024).',
        true, false, true, 50);

insert into classification_value (scheme_code, code, name, name_en, sort_order)
values ('VUNG', 'TDMNPB', 'Trung du miền núi phía Bắc', 'Northern Midlands and Mountains', 1),
       ('VUNG', 'DBSH', 'Đồng bằng sông Hồng', 'Red River Delta', 2),
       ('VUNG', 'BTB', 'Bắc Trung Bộ', 'North Central Coast', 3),
       ('VUNG', 'DHNTB', 'Duyên hải Nam Trung Bộ', 'South Central Coast', 4),
       ('VUNG', 'TN', 'Tây Nguyên', 'Central Highlands', 5),
       ('VUNG', 'DNB', 'Đông Nam Bộ', 'Southeast', 6),
       ('VUNG', 'DBSCL', 'Đồng bằng sông Cửu Long', 'Mekong Delta', 7),
       ('NHOM_XA', 'NHOM_1', 'Nhóm 1', 'Group 1', 1),
       ('NHOM_XA', 'NHOM_2', 'Nhóm 2', 'Group 2', 2),
       ('NHOM_XA', 'NHOM_3', 'Nhóm 3', 'Group 3', 3),
       ('DIA_BAN', 'MIEN_NUI', 'Miền núi', 'Mountainous', 1),
       ('DIA_BAN', 'VUNG_CAO', 'Vùng cao', 'Highland', 2),
       ('DIA_BAN', 'DONG_BANG', 'Đồng bằng', 'Plain', 3),
       ('KHU_VUC_DTTS', 'KV_I', 'Khu vực I', 'Area I', 1),
       ('KHU_VUC_DTTS', 'KV_II', 'Khu vực II', 'Area II', 2),
       ('KHU_VUC_DTTS', 'KV_III', 'Khu vực III', 'Area III', 3),
       ('DBKK', 'DBKK', 'Xã đặc biệt khó khăn', 'Especially disadvantaged commune', 1),
       ('DBKK', 'DBKK_BAI_NGANG', 'Xã ĐBKK vùng bãi ngang ven biển và hải đảo',
        'Especially disadvantaged coastal or island commune', 2),
       ('DBKK', 'ATK', 'Xã an toàn khu', 'Safe-zone commune', 3);
