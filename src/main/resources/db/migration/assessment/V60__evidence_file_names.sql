-- Evidence files uploaded before names were made safe: from now on EvidenceService stores a name without
-- invisible characters (a right-to-left override makes "<U+202E>fdp.exe" show as "exe.pdf") and ending with
-- an extension of the type detected from the content (a PDF uploaded as "bao-cao.html" was downloaded as
-- .html). This puts the names stored earlier right by the same rule, once: the invisible characters go, then
-- a wrong extension that names a file type is replaced by the type's own, and one is added to a name
-- without it. Word and Excel files are typed by their name, so they always match already.
update assessment_evidence
set file_name = coalesce(nullif(btrim(regexp_replace(file_name,
        '[\u0001-\u001F\u007F-\u009F\u00AD\u034F\u061C\u115F\u1160\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\u2800\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFB]',
        '', 'g')), ''), 'tep-minh-chung')
where file_name ~ '[\u0001-\u001F\u007F-\u009F\u00AD\u034F\u061C\u115F\u1160\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\u2800\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFB]';

update assessment_evidence e
set file_name = left(case
        when e.file_name ~* '.\.(html?|xhtml|shtml|xht|svgz?|xml|js|mjs|json|css|txt|csv|rtf|exe|com|scr|bat|cmd|ps1|vbs|vbe|wsf|hta|msi|dll|jar|apk|lnk|sh|php|jsp|aspx?|zip|rar|7z|gz|tgz|tar|pdf|jpe?g|jpe|jfif|png|gif|webp|bmp|tiff?|heic|heif|svg|ico|odt|ods|odp|docx?|xlsx?|pptx?|mp3|mp4|avi|mov|wav)$'
            then regexp_replace(e.file_name, '\.[^.]*$', '')
        else e.file_name
    end, 255 - length(x.extension)) || x.extension
from (values
    ('application/pdf', '.pdf', '\.pdf$'),
    ('image/jpeg', '.jpg', '\.(jpe?g|jpe|jif|jfif|jfi)$'),
    ('image/png', '.png', '\.png$'),
    ('image/gif', '.gif', '\.gif$'),
    ('image/webp', '.webp', '\.webp$'),
    ('application/vnd.oasis.opendocument.text', '.odt', '\.odt$'),
    ('application/vnd.oasis.opendocument.spreadsheet', '.ods', '\.ods$')
) as x(content_type, extension, accepted)
where e.content_type = x.content_type and e.file_name !~* x.accepted;
