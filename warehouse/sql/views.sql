-- Analyst views, re-created by every load (CREATE OR REPLACE), so they always match the code.
-- Only reports with status 'ok' and a known provider (urn not NULL) feed them.

CREATE OR REPLACE VIEW v_la_judgements AS
-- la_judgements holds one report per inspection already (migration 009, kept by every load): deduplicating here,
-- at every query, took 1.0-2.4 s per view at 1,000,000 reports.
SELECT
    l.urn,
    coalesce(p.name, l.provider_name) AS provider_name,
    p.region,
    g.region_code,
    p.la_code,
    p.ons_code,
    l.report_id,
    l.framework,
    l.inspection_start,
    l.inspection_end,
    l.published,
    l.area,
    l.grade,
    l.score,
    l.label,
    l.page
FROM la_judgements AS l
LEFT JOIN providers AS p USING (urn)
LEFT JOIN regions AS g ON g.region = p.region;
COMMENT ON VIEW v_la_judgements IS 'Every judgement of a full local-authority inspection (kind la-inspection), one report per inspection: the base of the trend views.';
COMMENT ON COLUMN v_la_judgements.urn IS 'URN of the authority.';
COMMENT ON COLUMN v_la_judgements.provider_name IS 'Canonical name of the authority.';
COMMENT ON COLUMN v_la_judgements.region IS 'English region of the authority.';
COMMENT ON COLUMN v_la_judgements.region_code IS 'ONS code of the region (regions.region_code, e.g. E12000003).';
COMMENT ON COLUMN v_la_judgements.la_code IS 'DfE three-digit local authority code of the authority (e.g. 383 for Leeds): DfE statistics join on it.';
COMMENT ON COLUMN v_la_judgements.ons_code IS 'ONS area code of the authority (e.g. E08000035 for Leeds).';
COMMENT ON COLUMN v_la_judgements.report_id IS 'The report (reports.report_id).';
COMMENT ON COLUMN v_la_judgements.framework IS 'Inspection framework (sif, ilacs, ilacs-2023, ...).';
COMMENT ON COLUMN v_la_judgements.inspection_start IS 'First day of the inspection.';
COMMENT ON COLUMN v_la_judgements.inspection_end IS 'Last day of the inspection.';
COMMENT ON COLUMN v_la_judgements.published IS 'Publication date (NULL for files loaded from disk).';
COMMENT ON COLUMN v_la_judgements.area IS 'Area judged (judgements.area).';
COMMENT ON COLUMN v_la_judgements.grade IS 'Grade word.';
COMMENT ON COLUMN v_la_judgements.score IS 'Numeric grade, 1 best to 4 worst; NULL for not_judged.';
COMMENT ON COLUMN v_la_judgements.label IS 'Label as printed.';
COMMENT ON COLUMN v_la_judgements.page IS 'Page the grade was read on.';

CREATE OR REPLACE VIEW v_latest_judgements AS
-- One aggregate over la_judgements, no window and no join back: arg_min keeps, per authority and area, the row with
-- the least key (-inspection end, -publication, report_id), i.e. the latest inspection end, then publication
-- (missing dates count as earliest), then the smallest report_id. 60 ms of CPU at 1,000,000 reports, against
-- 1.1 s for a max(recency) joined back (bench/scale.py).
WITH latest AS (
    SELECT
        urn,
        area,
        arg_min(
            {'provider_name': provider_name, 'grade': grade, 'score': score, 'report_id': report_id,
             'framework': framework, 'inspection_end': inspection_end, 'published': published},
            {'end': -epoch_ms(coalesce(inspection_end, DATE '0001-01-01')),
             'published': -epoch_ms(coalesce(published, DATE '0001-01-01')), 'report_id': report_id}
        ) AS chosen,
        max(inspection_end) AS latest_inspection_end_in_area
    FROM la_judgements
    GROUP BY urn, area
),
-- The framework grades of an area are given under now: that of the area's latest full inspection, of any
-- authority. It is one authority's latest in the area, so the rows above hold it: no second pass over the table.
current AS (
    SELECT
        *,
        arg_max(chosen.framework, {'end': chosen.inspection_end, 'framework': chosen.framework})
            OVER (PARTITION BY area) AS current_framework
    FROM latest
)
SELECT
    l.urn,
    coalesce(p.name, l.chosen.provider_name) AS provider_name,
    p.region,
    g.region_code,
    p.la_code,
    p.ons_code,
    l.area,
    l.chosen.grade AS grade,
    l.chosen.score AS score,
    l.chosen.report_id AS report_id,
    l.chosen.framework AS framework,
    l.chosen.inspection_end AS inspection_end,
    l.chosen.published AS published,
    l.chosen.inspection_end IS NOT DISTINCT FROM max(l.latest_inspection_end_in_area) OVER (PARTITION BY l.urn)
        AS from_latest_inspection,
    -- Days over the mean length of a year (leap years included), to one decimal: 12.4 is twelve years and five months.
    round(date_diff('day', l.chosen.inspection_end, current_date) / 365.25, 1) AS years_since_inspection,
    l.chosen.framework IS DISTINCT FROM l.current_framework AS from_earlier_framework,
    l.current_framework
FROM current AS l
LEFT JOIN providers AS p USING (urn)
LEFT JOIN regions AS g ON g.region = p.region;
COMMENT ON VIEW v_latest_judgements IS 'The latest judgement of every local authority in every area, from full inspections (la-inspection). An area the latest framework no longer judges keeps its last grade: see from_latest_inspection.';
COMMENT ON COLUMN v_latest_judgements.urn IS 'URN of the authority.';
COMMENT ON COLUMN v_latest_judgements.provider_name IS 'Canonical name of the authority.';
COMMENT ON COLUMN v_latest_judgements.region IS 'English region of the authority.';
COMMENT ON COLUMN v_latest_judgements.region_code IS 'ONS code of the region (regions.region_code, e.g. E12000003).';
COMMENT ON COLUMN v_latest_judgements.la_code IS 'DfE three-digit local authority code of the authority (e.g. 383 for Leeds): DfE statistics join on it.';
COMMENT ON COLUMN v_latest_judgements.ons_code IS 'ONS area code of the authority (e.g. E08000035 for Leeds).';
COMMENT ON COLUMN v_latest_judgements.area IS 'Area judged.';
COMMENT ON COLUMN v_latest_judgements.grade IS 'Latest grade word in that area.';
COMMENT ON COLUMN v_latest_judgements.score IS 'Latest numeric grade, 1 best to 4 worst.';
COMMENT ON COLUMN v_latest_judgements.report_id IS 'Report the grade comes from.';
COMMENT ON COLUMN v_latest_judgements.framework IS 'Framework of that inspection.';
COMMENT ON COLUMN v_latest_judgements.inspection_end IS 'Last day of that inspection.';
COMMENT ON COLUMN v_latest_judgements.published IS 'Publication date of that report.';
COMMENT ON COLUMN v_latest_judgements.from_latest_inspection IS 'True when the grade comes from the authority''s most recent full inspection.';
COMMENT ON COLUMN v_latest_judgements.years_since_inspection IS 'How old the grade is: years from the inspection''s last day to today, to one decimal (12.4 is about twelve years and five months).';
COMMENT ON COLUMN v_latest_judgements.from_earlier_framework IS 'True when the grade was given under an earlier framework than current_framework, the one the area is judged under now: compare such a grade with care.';
COMMENT ON COLUMN v_latest_judgements.current_framework IS 'Framework of the latest full inspection in the warehouse, of any authority, to judge this area: the one its grades are given under now.';

CREATE OR REPLACE VIEW v_judgement_history AS
-- The previous grade of a judgement comes from the authority's latest earlier inspection that judged its area or
-- an area it continues (area_lineage: ILACS' children in care and care leavers went on as children in care and as
-- care leavers in 2023). Each judgement is offered to its own area (preference 0) and to every later area that
-- continues it. Per authority and area the offers are ordered by inspection_number * 10 - preference, so an
-- inspection's keys lie in (10n - 10, 10n] with its most preferred offer last (preferences are 0-9: transform/areas.py
-- refuses more); the previous grade is the last offer at least 10 before the judgement's own key, i.e. the best
-- one of the latest earlier inspection. One sorted pass with last_value, no self-join: a running arg_max over
-- structs took twice the CPU (216 against 120 ms at 100,000 judgements). A filter on urn reaches the scan of
-- la_judgements, since every window is partitioned by urn.
WITH numbered AS (
    SELECT
        *,
        dense_rank() OVER (
            PARTITION BY urn ORDER BY inspection_end NULLS FIRST, published NULLS FIRST, report_id
        ) AS inspection_number
    FROM v_la_judgements
),
offers AS (
    SELECT *, area AS for_area, 0 AS preference FROM numbered
    UNION ALL
    SELECT n.*, l.area AS for_area, l.preference
    FROM numbered AS n
    JOIN area_lineage AS l ON l.continues = n.area
),
ordered AS (
    SELECT
        *,
        last_value(
            {'grade': grade, 'score': score, 'area': area, 'report_id': report_id, 'inspection_end': inspection_end}
        ) OVER (
            PARTITION BY urn, for_area ORDER BY inspection_number * 10 - preference
            RANGE BETWEEN UNBOUNDED PRECEDING AND 10 PRECEDING
        ) AS previous
    FROM offers
)
SELECT
    urn, provider_name, region, region_code, la_code, ons_code, report_id, framework, inspection_start,
    inspection_end, published, area, grade, score,
    previous.grade AS previous_grade,
    previous.score AS previous_score,
    previous.area AS previous_area,
    previous.report_id AS previous_report_id,
    previous.inspection_end AS previous_inspection_end,
    CASE
        WHEN score IS NULL OR previous.score IS NULL THEN NULL
        WHEN score < previous.score THEN 'improved'
        WHEN score > previous.score THEN 'declined'
        ELSE 'unchanged'
    END AS direction
FROM ordered
WHERE preference = 0;
COMMENT ON VIEW v_judgement_history IS 'Every judgement of every full local-authority inspection, with the authority''s previous grade in the area or the earlier area it continues (area_lineage), and the direction of change.';
COMMENT ON COLUMN v_judgement_history.urn IS 'URN of the authority.';
COMMENT ON COLUMN v_judgement_history.provider_name IS 'Canonical name of the authority.';
COMMENT ON COLUMN v_judgement_history.region IS 'English region of the authority.';
COMMENT ON COLUMN v_judgement_history.region_code IS 'ONS code of the region (regions.region_code, e.g. E12000003).';
COMMENT ON COLUMN v_judgement_history.la_code IS 'DfE three-digit local authority code of the authority (e.g. 383 for Leeds): DfE statistics join on it.';
COMMENT ON COLUMN v_judgement_history.ons_code IS 'ONS area code of the authority (e.g. E08000035 for Leeds).';
COMMENT ON COLUMN v_judgement_history.report_id IS 'The report.';
COMMENT ON COLUMN v_judgement_history.framework IS 'Framework of the inspection.';
COMMENT ON COLUMN v_judgement_history.inspection_start IS 'First day of the inspection.';
COMMENT ON COLUMN v_judgement_history.inspection_end IS 'Last day of the inspection.';
COMMENT ON COLUMN v_judgement_history.published IS 'Publication date.';
COMMENT ON COLUMN v_judgement_history.area IS 'Area judged.';
COMMENT ON COLUMN v_judgement_history.grade IS 'Grade word.';
COMMENT ON COLUMN v_judgement_history.score IS 'Numeric grade, 1 best to 4 worst.';
COMMENT ON COLUMN v_judgement_history.previous_grade IS 'Grade at the authority''s latest earlier full inspection that judged this area or an area it continues (area_lineage; previous_area says which); NULL when none did.';
COMMENT ON COLUMN v_judgement_history.previous_score IS 'Numeric grade of previous_grade.';
COMMENT ON COLUMN v_judgement_history.previous_area IS 'The area previous_grade was given in: this area, or the earlier one it continues (e.g. children_in_care_and_care_leavers for children_in_care from 2023).';
COMMENT ON COLUMN v_judgement_history.previous_report_id IS 'The report previous_grade comes from.';
COMMENT ON COLUMN v_judgement_history.previous_inspection_end IS 'Last day of the inspection previous_grade comes from.';
COMMENT ON COLUMN v_judgement_history.direction IS 'improved (lower score), declined (higher score) or unchanged against previous_grade; NULL when there is none or either grade is not_judged.';

CREATE OR REPLACE VIEW v_overall_streaks AS
-- Gaps and islands over la_judgements' overall rows. A version that sliced one ordered list per authority counted
-- faster (0.5 s against 1.0 s of CPU at 1,000,000 reports) but took 13.8 s once its columns were read, since each
-- run carried its authority's whole list (the report reads them: bench/report.py).
WITH overall AS (
    SELECT
        urn, provider_name, grade, inspection_end,
        row_number() OVER (PARTITION BY urn ORDER BY inspection_end NULLS FIRST, published NULLS FIRST, report_id)
            AS inspection_number,
        row_number() OVER (
            PARTITION BY urn, grade ORDER BY inspection_end NULLS FIRST, published NULLS FIRST, report_id
        ) AS number_with_grade,
        count(*) OVER (PARTITION BY urn) AS inspections
    FROM la_judgements
    WHERE area = 'overall_effectiveness'
)
SELECT
    o.urn,
    coalesce(any_value(p.name), any_value(o.provider_name)) AS provider_name,
    o.grade,
    count(*) AS streak_length,
    min(o.inspection_end) AS first_inspection_end,
    max(o.inspection_end) AS last_inspection_end,
    bool_or(o.inspection_number = o.inspections) AS is_current
FROM overall AS o
LEFT JOIN providers AS p USING (urn)
-- Within a run of equal grades both numbers rise together, so their difference is constant.
GROUP BY o.urn, o.grade, o.inspection_number - o.number_with_grade;
COMMENT ON VIEW v_overall_streaks IS 'Runs of equal overall effectiveness grades at consecutive full inspections of an authority (a single inspection is a run of 1). Consecutive means consecutive among the inspections with an overall grade (ILACS from 2026 gives none).';
COMMENT ON COLUMN v_overall_streaks.urn IS 'URN of the authority.';
COMMENT ON COLUMN v_overall_streaks.provider_name IS 'Canonical name of the authority.';
COMMENT ON COLUMN v_overall_streaks.grade IS 'The overall grade held through the run.';
COMMENT ON COLUMN v_overall_streaks.streak_length IS 'Number of consecutive full inspections with that grade.';
COMMENT ON COLUMN v_overall_streaks.first_inspection_end IS 'Last day of the first inspection of the run.';
COMMENT ON COLUMN v_overall_streaks.last_inspection_end IS 'Last day of the last inspection of the run.';
COMMENT ON COLUMN v_overall_streaks.is_current IS 'True when the run includes the authority''s latest full inspection with an overall grade.';

CREATE OR REPLACE VIEW v_grade_distribution AS
SELECT
    year(inspection_end) AS year,
    region,
    region_code,
    grade,
    any_value(score) AS score,
    count(DISTINCT urn) AS providers
FROM v_la_judgements
WHERE area = 'overall_effectiveness'
GROUP BY year(inspection_end), region, region_code, grade;
COMMENT ON VIEW v_grade_distribution IS 'How many authorities received each overall effectiveness grade at a full inspection, by year the inspection ended and region: one row per year, region and grade.';
COMMENT ON COLUMN v_grade_distribution.year IS 'Year of the inspection''s last day.';
COMMENT ON COLUMN v_grade_distribution.region IS 'English region of the authorities.';
COMMENT ON COLUMN v_grade_distribution.region_code IS 'ONS code of the region (regions.region_code, e.g. E12000003): DfE and ONS regional statistics join on it.';
COMMENT ON COLUMN v_grade_distribution.grade IS 'Overall effectiveness grade word.';
COMMENT ON COLUMN v_grade_distribution.score IS 'Numeric grade, 1 best to 4 worst (sort by it).';
COMMENT ON COLUMN v_grade_distribution.providers IS 'Number of authorities given that grade that year in that region.';

CREATE OR REPLACE VIEW v_provider_timeline AS
SELECT
    r.urn,
    coalesce(p.name, r.provider_name) AS provider_name,
    p.region,
    g.region_code,
    p.la_code,
    p.ons_code,
    r.report_id,
    r.kind,
    r.framework,
    r.inspection_start,
    r.inspection_end,
    r.published,
    overall.grade AS overall_grade,
    r.outcome,
    CASE
        WHEN first_quote.reason = 'verdict' AND first_quote.section = 'Overall judgement' THEN second_quote.text
        ELSE first_quote.text
    END AS headline,
    r.source_url,
    r.path
FROM reports AS r
LEFT JOIN providers AS p USING (urn)
LEFT JOIN regions AS g ON g.region = p.region
LEFT JOIN judgements AS overall ON overall.report_id = r.report_id AND overall.area = 'overall_effectiveness'
-- The headline is said in prose: a verdict printed outside the prose (the judgement table's row "Overall
-- effectiveness Good", filed under the section extract/text/verdict.py calls PRINTED_SECTION) repeats the
-- overall_grade column, so the quotation after it is the headline. Such a verdict is only ever quotation 1, so
-- two joins on seq read what is needed (not a scan of every report's quotations).
LEFT JOIN quotations AS first_quote ON first_quote.report_id = r.report_id AND first_quote.seq = 1
LEFT JOIN quotations AS second_quote ON second_quote.report_id = r.report_id AND second_quote.seq = 2
WHERE r.status = 'ok' AND r.urn IS NOT NULL;
COMMENT ON VIEW v_provider_timeline IS 'Every report of every provider, graded or not (full inspections, focused and monitoring visits, JTAI, area SEND, school reports), with its overall grade or outcome and headline.';
COMMENT ON COLUMN v_provider_timeline.urn IS 'URN of the provider.';
COMMENT ON COLUMN v_provider_timeline.provider_name IS 'Canonical name of the provider.';
COMMENT ON COLUMN v_provider_timeline.region IS 'English region (NULL for schools).';
COMMENT ON COLUMN v_provider_timeline.region_code IS 'ONS code of the region (regions.region_code, e.g. E12000003).';
COMMENT ON COLUMN v_provider_timeline.la_code IS 'DfE three-digit local authority code of the authority (e.g. 383 for Leeds; NULL for schools): DfE statistics join on it.';
COMMENT ON COLUMN v_provider_timeline.ons_code IS 'ONS area code of the authority (e.g. E08000035 for Leeds; NULL for schools).';
COMMENT ON COLUMN v_provider_timeline.report_id IS 'The report.';
COMMENT ON COLUMN v_provider_timeline.kind IS 'Kind of report (la-inspection, focused-visit, jtai, area-send, ...).';
COMMENT ON COLUMN v_provider_timeline.framework IS 'Framework of the inspection.';
COMMENT ON COLUMN v_provider_timeline.inspection_start IS 'First day of the inspection.';
COMMENT ON COLUMN v_provider_timeline.inspection_end IS 'Last day of the inspection.';
COMMENT ON COLUMN v_provider_timeline.published IS 'Publication date.';
COMMENT ON COLUMN v_provider_timeline.overall_grade IS 'Overall effectiveness grade where the report is graded; NULL for ungraded visits.';
COMMENT ON COLUMN v_provider_timeline.outcome IS 'Outcome of an ungraded inspection (area SEND), else NULL.';
COMMENT ON COLUMN v_provider_timeline.headline IS 'The report''s first key quotation said in prose: a verdict printed in the judgement table (section ''Overall judgement'') is passed over, since overall_grade says it.';
COMMENT ON COLUMN v_provider_timeline.source_url IS 'Address of the report''s file on the Ofsted site; NULL for files loaded from disk.';
COMMENT ON COLUMN v_provider_timeline.path IS 'Where the file was read from when it was loaded (an absolute path; a row loaded before paths were stored absolute keeps the path as ingest was given it until the file is ingested again).';

CREATE OR REPLACE VIEW v_authorities AS
-- Read from reports and providers alone (no judgements or quotations joined), so listing and counting the
-- authorities costs one pass over reports, however many judgements and quotations they carry.
WITH reports_of_authority AS (
    SELECT
        urn,
        -- The name at the latest dated report; any name when no report is dated.
        coalesce(arg_max(provider_name, inspection_end), any_value(provider_name)) AS printed_name,
        count(*) AS reports,
        count(*) FILTER (WHERE kind = 'la-inspection') AS full_inspections,
        min(inspection_end) AS first_inspection_end,
        max(inspection_end) AS last_inspection_end
    FROM reports
    WHERE status = 'ok' AND urn IS NOT NULL
      -- Reports of schools, early years settings and further education providers name no authority.
      AND kind NOT IN ('school-inspection', 'early-years-inspection', 'further-education-inspection',
                       'pre-registration-inspection')
    GROUP BY urn
)
SELECT
    a.urn,
    coalesce(p.name, a.printed_name) AS provider_name,
    p.region,
    g.region_code,
    p.la_code,
    p.ons_code,
    a.reports,
    a.full_inspections,
    a.first_inspection_end,
    a.last_inspection_end
FROM reports_of_authority AS a
LEFT JOIN providers AS p USING (urn)
LEFT JOIN regions AS g ON g.region = p.region;
COMMENT ON VIEW v_authorities IS 'Every local authority (any provider with a report that is not of a school, early years setting or further education provider) with how many reports the warehouse holds for it and their date range: one row per authority.';
COMMENT ON COLUMN v_authorities.urn IS 'URN of the authority.';
COMMENT ON COLUMN v_authorities.provider_name IS 'Canonical name of the authority, else the name printed on its latest dated report.';
COMMENT ON COLUMN v_authorities.region IS 'English region of the authority.';
COMMENT ON COLUMN v_authorities.region_code IS 'ONS code of the region (regions.region_code, e.g. E12000003).';
COMMENT ON COLUMN v_authorities.la_code IS 'DfE three-digit local authority code of the authority (e.g. 383 for Leeds): DfE statistics join on it.';
COMMENT ON COLUMN v_authorities.ons_code IS 'ONS area code of the authority (e.g. E08000035 for Leeds).';
COMMENT ON COLUMN v_authorities.reports IS 'Reports of the authority (full inspections, visits, JTAI, area SEND, ...).';
COMMENT ON COLUMN v_authorities.full_inspections IS 'How many of them are full inspections (la-inspection), second copies of a republished report included.';
COMMENT ON COLUMN v_authorities.first_inspection_end IS 'Last day of the authority''s earliest dated inspection or visit.';
COMMENT ON COLUMN v_authorities.last_inspection_end IS 'Last day of its latest dated inspection or visit.';

CREATE OR REPLACE VIEW v_quotations AS
-- Each report's context is put together first and the quotations joined to it once, by report number: joining
-- the quotations to the reports and then to the overall grades probed the hash tables with every quotation twice
-- (1.54 s against 1.14 s of CPU to read it whole at 1,000,000 reports), and a join on report ids hashes 64
-- characters per quotation (migration 012).
WITH context AS (
    SELECT
        r.report_no,
        r.urn,
        coalesce(p.name, r.provider_name) AS provider_name,
        r.kind,
        r.inspection_end,
        overall.grade AS overall_grade
    FROM reports AS r
    LEFT JOIN providers AS p ON p.urn = r.urn
    LEFT JOIN judgements AS overall ON overall.report_id = r.report_id AND overall.area = 'overall_effectiveness'
    WHERE r.status = 'ok'
)
SELECT
    q.report_id,
    c.urn,
    c.provider_name,
    c.kind,
    c.inspection_end,
    c.overall_grade,
    q.seq,
    q.section,
    q.page,
    q.text,
    q.rank,
    q.reason
FROM quotations AS q
JOIN context AS c USING (report_no);
COMMENT ON VIEW v_quotations IS 'Key quotations with their report''s context, to find what inspectors said: e.g. quotations from reports graded inadequate that contain a word.';
COMMENT ON COLUMN v_quotations.report_id IS 'The report.';
COMMENT ON COLUMN v_quotations.urn IS 'URN of the provider (NULL when unmatched).';
COMMENT ON COLUMN v_quotations.provider_name IS 'Canonical name of the provider, else the name as printed.';
COMMENT ON COLUMN v_quotations.kind IS 'Kind of report.';
COMMENT ON COLUMN v_quotations.inspection_end IS 'Last day of the inspection.';
COMMENT ON COLUMN v_quotations.overall_grade IS 'Overall effectiveness grade of the report; NULL for ungraded reports.';
COMMENT ON COLUMN v_quotations.seq IS 'Order of the quotation in the report, from 1.';
COMMENT ON COLUMN v_quotations.section IS 'Heading the text sits under.';
COMMENT ON COLUMN v_quotations.page IS 'Page where the text starts.';
COMMENT ON COLUMN v_quotations.text IS 'The verbatim text.';
COMMENT ON COLUMN v_quotations.rank IS 'How quotable it is among its report''s key quotations, 1 the most (the verdict, where the report has an overall grade); NULL when the parser did not rank them.';
COMMENT ON COLUMN v_quotations.reason IS 'Why it was chosen (verdict, summary, paragraph_opening, strong_wording, finding, improvement_point, ...); NULL when not said.';

CREATE OR REPLACE VIEW v_passages AS
SELECT
    s.report_id,
    r.urn,
    coalesce(p.name, r.provider_name) AS provider_name,
    r.kind,
    r.framework,
    r.inspection_end,
    overall.grade AS overall_grade,
    s.seq,
    s.section,
    s.paragraph,
    s.page,
    s.text,
    r.source_url,
    r.path
FROM passages AS s
JOIN reports AS r USING (report_id)
LEFT JOIN providers AS p ON p.urn = r.urn
LEFT JOIN judgements AS overall ON overall.report_id = s.report_id AND overall.area = 'overall_effectiveness'
WHERE r.status = 'ok';
COMMENT ON VIEW v_passages IS 'Every sentence of every report with its report''s context, to search what inspectors wrote: filter text with ILIKE or regexp_matches, or use search_passages(words).';
COMMENT ON COLUMN v_passages.report_id IS 'The report.';
COMMENT ON COLUMN v_passages.urn IS 'URN of the provider (NULL when unmatched).';
COMMENT ON COLUMN v_passages.provider_name IS 'Canonical name of the provider, else the name as printed.';
COMMENT ON COLUMN v_passages.kind IS 'Kind of report (la-inspection, focused-visit, jtai, area-send, ...).';
COMMENT ON COLUMN v_passages.framework IS 'Framework of the inspection.';
COMMENT ON COLUMN v_passages.inspection_end IS 'Last day of the inspection.';
COMMENT ON COLUMN v_passages.overall_grade IS 'Overall effectiveness grade of the report; NULL for reports without one (visits, JTAI, area SEND, ILACS from 2026).';
COMMENT ON COLUMN v_passages.seq IS 'Position of the sentence in the report''s reading order, from 1.';
COMMENT ON COLUMN v_passages.section IS 'Heading the sentence sits under, as printed.';
COMMENT ON COLUMN v_passages.paragraph IS 'Paragraph number as printed; NULL where the report does not number paragraphs.';
COMMENT ON COLUMN v_passages.page IS 'Page where the sentence starts.';
COMMENT ON COLUMN v_passages.text IS 'The verbatim sentence.';
COMMENT ON COLUMN v_passages.source_url IS 'URL of the report''s file on the Ofsted site; NULL for files loaded from disk.';
COMMENT ON COLUMN v_passages.path IS 'Path the file was read from when it was loaded.';

-- search_passages finds what `ofsted search` finds for a phrase (warehouse/search_query.py builds the same
-- patterns in Python): words are runs of letters and digits in any case, anything else separates them, and a
-- word typed with a final * is a prefix. No lambdas here: DuckDB 2.0 refuses the old arrow syntax and DuckDB 1.x
-- clients cannot read the new one. search_words marks a prefix word with chr(1).
CREATE OR REPLACE MACRO search_words(words) AS
    regexp_extract_all(regexp_replace(lower(words), '\*+(\s|$)', chr(1) || '\1', 'g'), '[\pL\pN]+' || chr(1) || '?');
COMMENT ON MACRO search_words IS 'search_words(words): the words of a search in lower case, as the search index splits them (runs of letters and digits); a word typed with a final * ends in chr(1). Used by search_phrase.';
CREATE OR REPLACE MACRO search_phrase(words) AS CASE WHEN len(search_words(words)) > 0 THEN
    regexp_replace(regexp_replace(array_to_string(search_words(words), ' '), ' ', '[^\\pL\\pN]+', 'g'),
                   chr(1), '[\\pL\\pN]*', 'g')
    || '(?:[^\pL\pN]|$)' END;
COMMENT ON MACRO search_phrase IS 'search_phrase(words): the phrase as a regular expression from its first word to the end of its last (letters and digits between them are the words; anything else separates them). Prefix it with (?i) for a quick first pass; search_pattern(words) adds where it must start.';
CREATE OR REPLACE MACRO search_pattern(words) AS '(?i)(?:^|[^\pL\pN])' || search_phrase(words);
COMMENT ON MACRO search_pattern IS 'search_pattern(words): a regular expression that finds the words as ofsted search does: as one phrase of whole words in any case (safeguard* for a prefix), whatever apostrophes, quotation marks, dashes or hyphens separate them. regexp_matches(text, search_pattern(''children''''s homes'')) works on any text column; NULL when the words hold no letter or digit.';

-- The quick first pass (a literal start, which RE2 finds fast) makes the scan 2-6 times faster than the pattern
-- alone at 100,000 reports (docs/search.md).
CREATE OR REPLACE MACRO search_passages(words) AS TABLE
SELECT *
FROM v_passages
WHERE regexp_matches(text, '(?i)' || search_phrase(words))
  AND regexp_matches(text, search_pattern(words));
COMMENT ON MACRO TABLE search_passages IS 'search_passages(words): the rows of v_passages whose sentence says the words as ofsted search finds them: one phrase of whole words in any case (''safeguard*'' for a prefix; ''neglect'' does not find neglectful), with apostrophes, quotation marks, dashes and hyphens matching however they are typed. It reads every sentence (seconds at 100,000 reports); ofsted search uses the search index. Filter and order its rows like any table.';

CREATE OR REPLACE VIEW v_unmatched_reports AS
SELECT
    r.report_id,
    r.status,
    r.kind,
    r.framework,
    r.provider_name,
    r.first_line,
    r.inspection_end,
    r.published,
    r.source_url,
    r.path,
    r.quality_flags
FROM reports AS r
WHERE r.urn IS NULL;
COMMENT ON VIEW v_unmatched_reports IS 'Every report that landed on no provider (urn NULL), so none is orphaned silently: read reports whose printed name matched no authority (quality flag provider_unmatched; add the spelling to transform/local_authorities.csv aliases and run ofsted reparse), and files that could not be read and came with no URN from the site.';
COMMENT ON COLUMN v_unmatched_reports.report_id IS 'The report (reports.report_id).';
COMMENT ON COLUMN v_unmatched_reports.status IS 'ok (read, but its provider is unknown) or why the file was not read.';
COMMENT ON COLUMN v_unmatched_reports.kind IS 'Kind of report, when read.';
COMMENT ON COLUMN v_unmatched_reports.framework IS 'Inspection framework, when read.';
COMMENT ON COLUMN v_unmatched_reports.provider_name IS 'The provider name as printed (or as the site gave it) that matched nothing.';
COMMENT ON COLUMN v_unmatched_reports.first_line IS 'First line of page 1: usually the title, which names the provider.';
COMMENT ON COLUMN v_unmatched_reports.inspection_end IS 'Last day of the inspection, when read.';
COMMENT ON COLUMN v_unmatched_reports.published IS 'Publication date (from the site; NULL for files loaded from disk).';
COMMENT ON COLUMN v_unmatched_reports.source_url IS 'Where the file was downloaded from (NULL for files loaded from disk).';
COMMENT ON COLUMN v_unmatched_reports.path IS 'Where the file was read from.';
COMMENT ON COLUMN v_unmatched_reports.quality_flags IS 'Quality flags of the report (provider_unmatched for a read report).';

CREATE OR REPLACE VIEW v_unrecognised_reports AS
SELECT
    r.report_id,
    r.urn,
    coalesce(p.name, r.provider_name) AS provider_name,
    coalesce(p.provider_type, 'unknown') AS provider_type,
    p.region,
    g.region_code,
    p.la_code,
    p.ons_code,
    r.site_label,
    r.first_line,
    r.pages,
    r.site_inspection_date,
    r.published,
    r.source_url,
    r.path,
    r.parser_version
FROM reports AS r
LEFT JOIN providers AS p USING (urn)
LEFT JOIN regions AS g ON g.region = p.region
WHERE r.status = 'unrecognised';
COMMENT ON VIEW v_unrecognised_reports IS 'Report files of a family no parser reads yet (children''s homes, school report cards from November 2025, ...), with what is known without reading them: the provider and label from the Ofsted site, page count and first line. `ofsted reparse` reads them once a parser exists.';
COMMENT ON COLUMN v_unrecognised_reports.report_id IS 'The report (reports.report_id).';
COMMENT ON COLUMN v_unrecognised_reports.urn IS 'URN of the provider from the site (NULL for files loaded from disk).';
COMMENT ON COLUMN v_unrecognised_reports.provider_name IS 'Canonical name of the provider, else the name the site gave.';
COMMENT ON COLUMN v_unrecognised_reports.provider_type IS 'Provider type (providers.provider_type, e.g. local-authority, school, childrens-home); unknown when the file has no provider.';
COMMENT ON COLUMN v_unrecognised_reports.region IS 'English region, for a local authority.';
COMMENT ON COLUMN v_unrecognised_reports.region_code IS 'ONS code of the region (regions.region_code, e.g. E12000003).';
COMMENT ON COLUMN v_unrecognised_reports.la_code IS 'DfE three-digit local authority code of the authority (e.g. 383 for Leeds; NULL for other providers): DfE statistics join on it.';
COMMENT ON COLUMN v_unrecognised_reports.ons_code IS 'ONS area code of the authority (e.g. E08000035 for Leeds; NULL for other providers).';
COMMENT ON COLUMN v_unrecognised_reports.site_label IS 'The site''s label for the report (e.g. ''Early years inspection report'').';
COMMENT ON COLUMN v_unrecognised_reports.first_line IS 'First line of text on page 1, as printed.';
COMMENT ON COLUMN v_unrecognised_reports.pages IS 'Number of pages in the PDF.';
COMMENT ON COLUMN v_unrecognised_reports.site_inspection_date IS 'Inspection date the site gives for the report.';
COMMENT ON COLUMN v_unrecognised_reports.published IS 'Publication date the site gives for the report.';
COMMENT ON COLUMN v_unrecognised_reports.source_url IS 'Where the file was downloaded from.';
COMMENT ON COLUMN v_unrecognised_reports.path IS 'Where the file was read from.';
COMMENT ON COLUMN v_unrecognised_reports.parser_version IS 'Version of the parser that could not read it.';

CREATE OR REPLACE VIEW v_unread_reports AS
SELECT
    r.report_id,
    r.status,
    r.error,
    r.urn,
    coalesce(p.name, r.provider_name) AS provider_name,
    coalesce(p.provider_type, 'unknown') AS provider_type,
    r.site_label,
    r.first_line,
    r.pages,
    r.published,
    r.source_url,
    r.path,
    r.parser_version,
    r.loaded_at
FROM reports AS r
LEFT JOIN providers AS p USING (urn)
WHERE r.status <> 'ok';
COMMENT ON VIEW v_unread_reports IS 'Every report file that was not read, and why (status and error): unrecognised (a family no parser reads yet), not_a_pdf, no_text_layer (a scan), error (the parser failed) or invalid (what it read broke a warehouse rule). None of them feeds the other views; `ofsted reparse` reads them again once the parser can.';
COMMENT ON COLUMN v_unread_reports.report_id IS 'The report (reports.report_id).';
COMMENT ON COLUMN v_unread_reports.status IS 'Why the file was not read: unrecognised, not_a_pdf, no_text_layer, error or invalid.';
COMMENT ON COLUMN v_unread_reports.error IS 'What went wrong and what to do next, naming the file.';
COMMENT ON COLUMN v_unread_reports.urn IS 'URN of the provider, when the site gave it or the name matched (NULL otherwise).';
COMMENT ON COLUMN v_unread_reports.provider_name IS 'Canonical name of the provider, else the name the site gave.';
COMMENT ON COLUMN v_unread_reports.provider_type IS 'Provider type (providers.provider_type); unknown when the file has no provider.';
COMMENT ON COLUMN v_unread_reports.site_label IS 'The site''s label for the report, when it came from the site.';
COMMENT ON COLUMN v_unread_reports.first_line IS 'First line of text on page 1, as printed; NULL when no text could be read.';
COMMENT ON COLUMN v_unread_reports.pages IS 'Number of pages in the PDF; NULL when it is not one.';
COMMENT ON COLUMN v_unread_reports.published IS 'Publication date the site gives for the report.';
COMMENT ON COLUMN v_unread_reports.source_url IS 'Where the file was downloaded from (NULL for files loaded from disk).';
COMMENT ON COLUMN v_unread_reports.path IS 'Where the file was read from.';
COMMENT ON COLUMN v_unread_reports.parser_version IS 'Version of the parser that tried to read it.';
COMMENT ON COLUMN v_unread_reports.loaded_at IS 'When the row was loaded (UTC).';

-- Schools, early years settings and further education providers: the views the authorities have, for providers.
-- Computed at every query from reports and judgements (not kept by loads as la_judgements is).
CREATE OR REPLACE VIEW v_provider_judgements AS
WITH inspections AS (
    SELECT
        r.report_id, r.urn, r.provider_name, r.kind, r.framework, r.inspection_start, r.inspection_end, r.published,
        row_number() OVER (
            PARTITION BY r.urn, coalesce(CAST(r.inspection_end AS VARCHAR), r.report_id)
            ORDER BY r.published DESC NULLS LAST, r.loaded_at DESC, r.report_id
        ) AS copy_rank
    FROM reports AS r
    WHERE r.status = 'ok' AND r.urn IS NOT NULL
      AND r.kind IN ('school-inspection', 'early-years-inspection', 'further-education-inspection')
      -- Monitoring letters judge progress, not the provider: like an authority's monitoring visits, not here.
      AND r.framework <> 'school-monitoring'
)
SELECT
    i.urn,
    coalesce(p.name, i.provider_name) AS provider_name,
    p.provider_type,
    i.report_id,
    i.kind,
    i.framework,
    coalesce(own.scale, every_area.scale) AS scale,
    i.inspection_start,
    i.inspection_end,
    i.published,
    j.area,
    j.grade,
    j.score,
    j.label,
    j.page
FROM inspections AS i
JOIN judgements AS j USING (report_id)
LEFT JOIN providers AS p ON p.urn = i.urn
LEFT JOIN framework_scales AS own ON own.framework = i.framework AND own.area = j.area
LEFT JOIN framework_scales AS every_area ON every_area.framework = i.framework AND every_area.area IS NULL
WHERE i.copy_rank = 1;
COMMENT ON VIEW v_provider_judgements IS 'Every judgement of every graded inspection of a school, early years setting or further education provider (kinds school-inspection, early-years-inspection, further-education-inspection; not monitoring letters), one report per inspection as for authorities: the base of the provider views.';
COMMENT ON COLUMN v_provider_judgements.urn IS 'URN of the provider (digits, or EY... for early years registrations).';
COMMENT ON COLUMN v_provider_judgements.provider_name IS 'Name of the provider as the site or the report gives it.';
COMMENT ON COLUMN v_provider_judgements.provider_type IS 'school, early-years or further-education (providers.provider_type).';
COMMENT ON COLUMN v_provider_judgements.report_id IS 'The report (reports.report_id).';
COMMENT ON COLUMN v_provider_judgements.kind IS 'Kind of report: school-inspection, early-years-inspection, further-education-inspection.';
COMMENT ON COLUMN v_provider_judgements.framework IS 'Inspection framework (school-2001 ... school-2015, eif, eif-2024, early-years-pre-2015).';
COMMENT ON COLUMN v_provider_judgements.scale IS 'The scale the grade is on (grade_scales.scale, from framework_scales).';
COMMENT ON COLUMN v_provider_judgements.inspection_start IS 'First day of the inspection.';
COMMENT ON COLUMN v_provider_judgements.inspection_end IS 'Last day of the inspection.';
COMMENT ON COLUMN v_provider_judgements.published IS 'Publication date (NULL for files loaded from disk).';
COMMENT ON COLUMN v_provider_judgements.area IS 'Area judged (judgements.area).';
COMMENT ON COLUMN v_provider_judgements.grade IS 'Grade word.';
COMMENT ON COLUMN v_provider_judgements.score IS 'Numeric grade on its scale, 1 best (grade_scales.score).';
COMMENT ON COLUMN v_provider_judgements.label IS 'Label as printed.';
COMMENT ON COLUMN v_provider_judgements.page IS 'Page the grade was read on.';

CREATE OR REPLACE VIEW v_provider_latest_judgements AS
WITH latest AS (
    SELECT
        urn,
        area,
        arg_min(
            {'provider_name': provider_name, 'provider_type': provider_type, 'grade': grade, 'score': score,
             'scale': scale, 'report_id': report_id, 'framework': framework, 'inspection_end': inspection_end,
             'published': published},
            {'end': -epoch_ms(coalesce(inspection_end, DATE '0001-01-01')),
             'published': -epoch_ms(coalesce(published, DATE '0001-01-01')), 'report_id': report_id}
        ) AS chosen,
        max(inspection_end) AS latest_inspection_end_in_area
    FROM v_provider_judgements
    GROUP BY urn, area
)
SELECT
    urn,
    chosen.provider_name AS provider_name,
    chosen.provider_type AS provider_type,
    area,
    chosen.grade AS grade,
    chosen.score AS score,
    chosen.scale AS scale,
    chosen.report_id AS report_id,
    chosen.framework AS framework,
    chosen.inspection_end AS inspection_end,
    chosen.published AS published,
    chosen.inspection_end IS NOT DISTINCT FROM max(latest_inspection_end_in_area) OVER (PARTITION BY urn)
        AS from_latest_inspection
FROM latest;
COMMENT ON VIEW v_provider_latest_judgements IS 'The latest judgement of every school, early years setting and further education provider in every area, as v_latest_judgements gives authorities''. An area the latest inspection did not judge keeps its last grade (a state school''s overall effectiveness after September 2024): see from_latest_inspection.';
COMMENT ON COLUMN v_provider_latest_judgements.urn IS 'URN of the provider.';
COMMENT ON COLUMN v_provider_latest_judgements.provider_name IS 'Name of the provider.';
COMMENT ON COLUMN v_provider_latest_judgements.provider_type IS 'school, early-years or further-education.';
COMMENT ON COLUMN v_provider_latest_judgements.area IS 'Area judged.';
COMMENT ON COLUMN v_provider_latest_judgements.grade IS 'Latest grade word in that area.';
COMMENT ON COLUMN v_provider_latest_judgements.score IS 'Latest numeric grade on its scale, 1 best.';
COMMENT ON COLUMN v_provider_latest_judgements.scale IS 'The scale of that grade (grade_scales.scale).';
COMMENT ON COLUMN v_provider_latest_judgements.report_id IS 'Report the grade comes from.';
COMMENT ON COLUMN v_provider_latest_judgements.framework IS 'Framework of that inspection.';
COMMENT ON COLUMN v_provider_latest_judgements.inspection_end IS 'Last day of that inspection.';
COMMENT ON COLUMN v_provider_latest_judgements.published IS 'Publication date of that report.';
COMMENT ON COLUMN v_provider_latest_judgements.from_latest_inspection IS 'True when the grade comes from the provider''s most recent graded inspection.';

CREATE OR REPLACE VIEW v_provider_judgement_history AS
WITH ordered AS (
    SELECT
        *,
        lag(grade) OVER inspections_in_area AS earlier_grade,
        lag(score) OVER inspections_in_area AS earlier_score,
        lag(scale) OVER inspections_in_area AS earlier_scale
    FROM v_provider_judgements
    WINDOW inspections_in_area AS (
        PARTITION BY urn, area ORDER BY inspection_end NULLS FIRST, published NULLS FIRST, report_id
    )
),
-- How many scores a scale has: scores compare between scales of the same range only (four-point scales, the
-- seven-point one folded onto four; not the report cards' five points).
scale_range AS (
    SELECT scale, max(score) AS top_score FROM grade_scales GROUP BY scale
),
-- A grade the report prints for its previous inspection is on the report's own scale.
with_previous AS (
    SELECT
        o.*,
        coalesce(printed.grade, o.earlier_grade) AS previous_grade,
        coalesce(printed.score, o.earlier_score) AS previous_score,
        CASE WHEN printed.grade IS NOT NULL THEN 'report' WHEN o.earlier_grade IS NOT NULL THEN 'warehouse' END
            AS previous_from,
        CASE WHEN printed.grade IS NOT NULL THEN o.scale ELSE o.earlier_scale END AS previous_scale
    FROM ordered AS o
    LEFT JOIN previous_judgements AS printed ON printed.report_id = o.report_id AND printed.area = o.area
)
SELECT
    w.urn, w.provider_name, w.provider_type, w.report_id, w.framework, w.inspection_start, w.inspection_end,
    w.published, w.area, w.grade, w.score, w.scale, w.previous_grade, w.previous_score, w.previous_from,
    CASE
        WHEN w.score IS NULL OR w.previous_score IS NULL THEN NULL
        WHEN this_range.top_score IS DISTINCT FROM previous_range.top_score THEN NULL
        WHEN w.score < w.previous_score THEN 'improved'
        WHEN w.score > w.previous_score THEN 'declined'
        ELSE 'unchanged'
    END AS direction
FROM with_previous AS w
LEFT JOIN scale_range AS this_range ON this_range.scale = w.scale
LEFT JOIN scale_range AS previous_range ON previous_range.scale = w.previous_scale;
COMMENT ON VIEW v_provider_judgement_history IS 'Every judgement of every graded inspection of a school, early years setting or further education provider, with the grade at its previous inspection and the direction of change, as v_judgement_history gives authorities''. The previous grade is the one the report itself prints (''Overall effectiveness at previous inspection''), else the grade in the same area at the provider''s previous inspection in the warehouse.';
COMMENT ON COLUMN v_provider_judgement_history.urn IS 'URN of the provider.';
COMMENT ON COLUMN v_provider_judgement_history.provider_name IS 'Name of the provider.';
COMMENT ON COLUMN v_provider_judgement_history.provider_type IS 'school, early-years or further-education.';
COMMENT ON COLUMN v_provider_judgement_history.report_id IS 'The report.';
COMMENT ON COLUMN v_provider_judgement_history.framework IS 'Framework of the inspection.';
COMMENT ON COLUMN v_provider_judgement_history.inspection_start IS 'First day of the inspection.';
COMMENT ON COLUMN v_provider_judgement_history.inspection_end IS 'Last day of the inspection.';
COMMENT ON COLUMN v_provider_judgement_history.published IS 'Publication date.';
COMMENT ON COLUMN v_provider_judgement_history.area IS 'Area judged.';
COMMENT ON COLUMN v_provider_judgement_history.grade IS 'Grade word.';
COMMENT ON COLUMN v_provider_judgement_history.score IS 'Numeric grade on its scale, 1 best.';
COMMENT ON COLUMN v_provider_judgement_history.scale IS 'The scale of the grade (grade_scales.scale).';
COMMENT ON COLUMN v_provider_judgement_history.previous_grade IS 'Grade in the same area at the provider''s previous inspection: as the report prints it, else from the warehouse''s earlier report; NULL when neither knows it.';
COMMENT ON COLUMN v_provider_judgement_history.previous_score IS 'Numeric grade at the previous inspection.';
COMMENT ON COLUMN v_provider_judgement_history.previous_from IS 'Where the previous grade comes from: report (printed in this report, previous_judgements) or warehouse (the provider''s earlier report); NULL when unknown.';
COMMENT ON COLUMN v_provider_judgement_history.direction IS 'improved (lower score), declined (higher score) or unchanged against the previous inspection; NULL when either grade is unknown or not_judged, or the two are on scales of different ranges (a report card''s five points against four).';

CREATE OR REPLACE VIEW v_school_latest_judgements AS
SELECT * EXCLUDE (provider_type) FROM v_provider_latest_judgements WHERE provider_type = 'school';
COMMENT ON VIEW v_school_latest_judgements IS 'The latest judgement of every school in every area: v_provider_latest_judgements for provider type school.';
COMMENT ON COLUMN v_school_latest_judgements.urn IS 'URN of the provider.';
COMMENT ON COLUMN v_school_latest_judgements.provider_name IS 'Name of the provider.';
COMMENT ON COLUMN v_school_latest_judgements.area IS 'Area judged.';
COMMENT ON COLUMN v_school_latest_judgements.grade IS 'Latest grade word in that area.';
COMMENT ON COLUMN v_school_latest_judgements.score IS 'Latest numeric grade on its scale, 1 best.';
COMMENT ON COLUMN v_school_latest_judgements.scale IS 'The scale of that grade (grade_scales.scale).';
COMMENT ON COLUMN v_school_latest_judgements.report_id IS 'Report the grade comes from.';
COMMENT ON COLUMN v_school_latest_judgements.framework IS 'Framework of that inspection.';
COMMENT ON COLUMN v_school_latest_judgements.inspection_end IS 'Last day of that inspection.';
COMMENT ON COLUMN v_school_latest_judgements.published IS 'Publication date of that report.';
COMMENT ON COLUMN v_school_latest_judgements.from_latest_inspection IS 'True when the grade comes from the provider''s most recent graded inspection.';

CREATE OR REPLACE VIEW v_school_judgement_history AS
SELECT * EXCLUDE (provider_type) FROM v_provider_judgement_history WHERE provider_type = 'school';
COMMENT ON VIEW v_school_judgement_history IS 'Every judgement of every graded inspection of a school, with the previous grade and the direction of change: v_provider_judgement_history for provider type school.';
COMMENT ON COLUMN v_school_judgement_history.urn IS 'URN of the provider.';
COMMENT ON COLUMN v_school_judgement_history.provider_name IS 'Name of the provider.';
COMMENT ON COLUMN v_school_judgement_history.report_id IS 'The report.';
COMMENT ON COLUMN v_school_judgement_history.framework IS 'Framework of the inspection.';
COMMENT ON COLUMN v_school_judgement_history.inspection_start IS 'First day of the inspection.';
COMMENT ON COLUMN v_school_judgement_history.inspection_end IS 'Last day of the inspection.';
COMMENT ON COLUMN v_school_judgement_history.published IS 'Publication date.';
COMMENT ON COLUMN v_school_judgement_history.area IS 'Area judged.';
COMMENT ON COLUMN v_school_judgement_history.grade IS 'Grade word.';
COMMENT ON COLUMN v_school_judgement_history.score IS 'Numeric grade on its scale, 1 best.';
COMMENT ON COLUMN v_school_judgement_history.scale IS 'The scale of the grade (grade_scales.scale).';
COMMENT ON COLUMN v_school_judgement_history.previous_grade IS 'Grade in the same area at the provider''s previous inspection: as the report prints it, else from the warehouse''s earlier report; NULL when neither knows it.';
COMMENT ON COLUMN v_school_judgement_history.previous_score IS 'Numeric grade at the previous inspection.';
COMMENT ON COLUMN v_school_judgement_history.previous_from IS 'Where the previous grade comes from: report (printed in this report, previous_judgements) or warehouse (the provider''s earlier report); NULL when unknown.';
COMMENT ON COLUMN v_school_judgement_history.direction IS 'improved (lower score), declined (higher score) or unchanged against the previous inspection; NULL when either grade is unknown or not_judged, or the two are on scales of different ranges (a report card''s five points against four).';

CREATE OR REPLACE VIEW v_early_years_latest_judgements AS
SELECT * EXCLUDE (provider_type) FROM v_provider_latest_judgements WHERE provider_type = 'early-years';
COMMENT ON VIEW v_early_years_latest_judgements IS 'The latest judgement of every early years setting in every area: v_provider_latest_judgements for provider type early-years.';
COMMENT ON COLUMN v_early_years_latest_judgements.urn IS 'URN of the provider.';
COMMENT ON COLUMN v_early_years_latest_judgements.provider_name IS 'Name of the provider.';
COMMENT ON COLUMN v_early_years_latest_judgements.area IS 'Area judged.';
COMMENT ON COLUMN v_early_years_latest_judgements.grade IS 'Latest grade word in that area.';
COMMENT ON COLUMN v_early_years_latest_judgements.score IS 'Latest numeric grade on its scale, 1 best.';
COMMENT ON COLUMN v_early_years_latest_judgements.scale IS 'The scale of that grade (grade_scales.scale).';
COMMENT ON COLUMN v_early_years_latest_judgements.report_id IS 'Report the grade comes from.';
COMMENT ON COLUMN v_early_years_latest_judgements.framework IS 'Framework of that inspection.';
COMMENT ON COLUMN v_early_years_latest_judgements.inspection_end IS 'Last day of that inspection.';
COMMENT ON COLUMN v_early_years_latest_judgements.published IS 'Publication date of that report.';
COMMENT ON COLUMN v_early_years_latest_judgements.from_latest_inspection IS 'True when the grade comes from the provider''s most recent graded inspection.';

CREATE OR REPLACE VIEW v_early_years_judgement_history AS
SELECT * EXCLUDE (provider_type) FROM v_provider_judgement_history WHERE provider_type = 'early-years';
COMMENT ON VIEW v_early_years_judgement_history IS 'Every judgement of every graded inspection of an early years setting, with the previous grade and the direction of change: v_provider_judgement_history for provider type early-years.';
COMMENT ON COLUMN v_early_years_judgement_history.urn IS 'URN of the provider.';
COMMENT ON COLUMN v_early_years_judgement_history.provider_name IS 'Name of the provider.';
COMMENT ON COLUMN v_early_years_judgement_history.report_id IS 'The report.';
COMMENT ON COLUMN v_early_years_judgement_history.framework IS 'Framework of the inspection.';
COMMENT ON COLUMN v_early_years_judgement_history.inspection_start IS 'First day of the inspection.';
COMMENT ON COLUMN v_early_years_judgement_history.inspection_end IS 'Last day of the inspection.';
COMMENT ON COLUMN v_early_years_judgement_history.published IS 'Publication date.';
COMMENT ON COLUMN v_early_years_judgement_history.area IS 'Area judged.';
COMMENT ON COLUMN v_early_years_judgement_history.grade IS 'Grade word.';
COMMENT ON COLUMN v_early_years_judgement_history.score IS 'Numeric grade on its scale, 1 best.';
COMMENT ON COLUMN v_early_years_judgement_history.scale IS 'The scale of the grade (grade_scales.scale).';
COMMENT ON COLUMN v_early_years_judgement_history.previous_grade IS 'Grade in the same area at the provider''s previous inspection: as the report prints it, else from the warehouse''s earlier report; NULL when neither knows it.';
COMMENT ON COLUMN v_early_years_judgement_history.previous_score IS 'Numeric grade at the previous inspection.';
COMMENT ON COLUMN v_early_years_judgement_history.previous_from IS 'Where the previous grade comes from: report (printed in this report, previous_judgements) or warehouse (the provider''s earlier report); NULL when unknown.';
COMMENT ON COLUMN v_early_years_judgement_history.direction IS 'improved (lower score), declined (higher score) or unchanged against the previous inspection; NULL when either grade is unknown or not_judged, or the two are on scales of different ranges (a report card''s five points against four).';

CREATE OR REPLACE VIEW v_fe_latest_judgements AS
SELECT * EXCLUDE (provider_type) FROM v_provider_latest_judgements WHERE provider_type = 'further-education';
COMMENT ON VIEW v_fe_latest_judgements IS 'The latest judgement of every further education and skills provider in every area: v_provider_latest_judgements for provider type further-education.';
COMMENT ON COLUMN v_fe_latest_judgements.urn IS 'URN of the provider.';
COMMENT ON COLUMN v_fe_latest_judgements.provider_name IS 'Name of the provider.';
COMMENT ON COLUMN v_fe_latest_judgements.area IS 'Area judged.';
COMMENT ON COLUMN v_fe_latest_judgements.grade IS 'Latest grade word in that area.';
COMMENT ON COLUMN v_fe_latest_judgements.score IS 'Latest numeric grade on its scale, 1 best.';
COMMENT ON COLUMN v_fe_latest_judgements.scale IS 'The scale of that grade (grade_scales.scale).';
COMMENT ON COLUMN v_fe_latest_judgements.report_id IS 'Report the grade comes from.';
COMMENT ON COLUMN v_fe_latest_judgements.framework IS 'Framework of that inspection.';
COMMENT ON COLUMN v_fe_latest_judgements.inspection_end IS 'Last day of that inspection.';
COMMENT ON COLUMN v_fe_latest_judgements.published IS 'Publication date of that report.';
COMMENT ON COLUMN v_fe_latest_judgements.from_latest_inspection IS 'True when the grade comes from the provider''s most recent graded inspection.';

CREATE OR REPLACE VIEW v_fe_judgement_history AS
SELECT * EXCLUDE (provider_type) FROM v_provider_judgement_history WHERE provider_type = 'further-education';
COMMENT ON VIEW v_fe_judgement_history IS 'Every judgement of every graded inspection of a further education and skills provider, with the previous grade and the direction of change: v_provider_judgement_history for provider type further-education.';
COMMENT ON COLUMN v_fe_judgement_history.urn IS 'URN of the provider.';
COMMENT ON COLUMN v_fe_judgement_history.provider_name IS 'Name of the provider.';
COMMENT ON COLUMN v_fe_judgement_history.report_id IS 'The report.';
COMMENT ON COLUMN v_fe_judgement_history.framework IS 'Framework of the inspection.';
COMMENT ON COLUMN v_fe_judgement_history.inspection_start IS 'First day of the inspection.';
COMMENT ON COLUMN v_fe_judgement_history.inspection_end IS 'Last day of the inspection.';
COMMENT ON COLUMN v_fe_judgement_history.published IS 'Publication date.';
COMMENT ON COLUMN v_fe_judgement_history.area IS 'Area judged.';
COMMENT ON COLUMN v_fe_judgement_history.grade IS 'Grade word.';
COMMENT ON COLUMN v_fe_judgement_history.score IS 'Numeric grade on its scale, 1 best.';
COMMENT ON COLUMN v_fe_judgement_history.scale IS 'The scale of the grade (grade_scales.scale).';
COMMENT ON COLUMN v_fe_judgement_history.previous_grade IS 'Grade in the same area at the provider''s previous inspection: as the report prints it, else from the warehouse''s earlier report; NULL when neither knows it.';
COMMENT ON COLUMN v_fe_judgement_history.previous_score IS 'Numeric grade at the previous inspection.';
COMMENT ON COLUMN v_fe_judgement_history.previous_from IS 'Where the previous grade comes from: report (printed in this report, previous_judgements) or warehouse (the provider''s earlier report); NULL when unknown.';
COMMENT ON COLUMN v_fe_judgement_history.direction IS 'improved (lower score), declined (higher score) or unchanged against the previous inspection; NULL when either grade is unknown or not_judged, or the two are on scales of different ranges (a report card''s five points against four).';
