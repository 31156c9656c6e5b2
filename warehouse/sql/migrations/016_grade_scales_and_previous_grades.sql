-- Schools, early years settings and further education providers (the education inspection framework from 2019,
-- early years reports before 2015, pre-registration inspections of independent schools), and what their reports
-- carry that others do not: the grade of the provider's previous inspection, printed beside this one's, which is
-- never a judgement of this inspection; and grade scales as data, so a framework with a new scale (the report
-- cards of November 2025) is a row of data (transform/grade_scales.csv, framework_scales.csv), not a migration:
-- every writer brings these two tables up to date from those files (warehouse/reference.py), as it re-creates the
-- views.
CREATE TABLE previous_judgements (
    report_id VARCHAR NOT NULL,
    area VARCHAR NOT NULL,
    grade VARCHAR NOT NULL,
    score INTEGER,
    label VARCHAR,
    page INTEGER,
    PRIMARY KEY (report_id, area)
);
COMMENT ON TABLE previous_judgements IS 'Grades a report recalls from the provider''s previous inspection (''Overall effectiveness at previous inspection Good'', ''Previous inspection grade Good'', ''Previous inspection: 2''): one row per report and area. Never a judgement of the report''s own inspection; the provider views use it as the previous grade where the warehouse holds no earlier report.';
COMMENT ON COLUMN previous_judgements.report_id IS 'The report that prints the grade (reports.report_id).';
COMMENT ON COLUMN previous_judgements.area IS 'Area the grade was given in at the previous inspection (judgements.area).';
COMMENT ON COLUMN previous_judgements.grade IS 'Grade word at the previous inspection.';
COMMENT ON COLUMN previous_judgements.score IS 'Numeric grade (grade_scales.score).';
COMMENT ON COLUMN previous_judgements.label IS 'The label as printed in the report.';
COMMENT ON COLUMN previous_judgements.page IS 'Page (1-based) the grade was read on.';

CREATE TABLE grade_scales (
    scale VARCHAR NOT NULL,
    position INTEGER,
    grade VARCHAR NOT NULL,
    printed VARCHAR NOT NULL,
    digit INTEGER,
    score INTEGER,
    PRIMARY KEY (scale, grade)
);
COMMENT ON TABLE grade_scales IS 'Every grade of every scale Ofsted''s frameworks grade on, in order: four-point (outstanding to inadequate, from 2012), four-point-adequate (local authorities to 2013), four-point-satisfactory (schools 2005-2012), seven-point (schools to 2005), five-point (report cards from November 2025: exceptional to urgent improvement), met-not-met (report cards'' safeguarding). Kept from transform/grade_scales.csv by every writer.';
COMMENT ON COLUMN grade_scales.scale IS 'Name of the scale (framework_scales.scale).';
COMMENT ON COLUMN grade_scales.position IS 'Place of the grade on its own scale, 1 best; NULL for not_judged.';
COMMENT ON COLUMN grade_scales.grade IS 'Grade word as stored in judgements.grade.';
COMMENT ON COLUMN grade_scales.printed IS 'The grade as reports print it.';
COMMENT ON COLUMN grade_scales.digit IS 'The number a template prints for the grade, on the scales whose templates print numbers (read on the key each report prints); NULL where reports print words only.';
COMMENT ON COLUMN grade_scales.score IS 'judgements.score for the grade, 1 best: the four-point scales 1-4, the seven-point scale folded onto 1-4, the five-point scale 1-5, met 1 and not met 2. Compare scores within a scale only.';

CREATE TABLE framework_scales (
    framework VARCHAR NOT NULL,
    area VARCHAR,
    scale VARCHAR NOT NULL,
    note VARCHAR
);
COMMENT ON TABLE framework_scales IS 'The scale each inspection framework grades on (reports.framework), one row per framework; a row with an area gives that area a scale of its own (report cards'' safeguarding). Kept from transform/framework_scales.csv by every writer.';
COMMENT ON COLUMN framework_scales.framework IS 'Inspection framework (reports.framework).';
COMMENT ON COLUMN framework_scales.area IS 'An area graded on a scale of its own; NULL for every other area of the framework.';
COMMENT ON COLUMN framework_scales.scale IS 'The scale (grade_scales.scale).';
COMMENT ON COLUMN framework_scales.note IS 'What the framework is and when it applied.';

COMMENT ON COLUMN reports.kind IS 'Kind of report: la-inspection (full inspection of children''s services), focused-visit, monitoring-visit, jtai, area-send, joint-area-review, lscb-review, school-inspection, early-years-inspection, further-education-inspection, pre-registration-inspection (a proposed independent school).';
COMMENT ON COLUMN reports.framework IS 'Inspection framework: pre-2014, sif (2013-2018), ilacs, ilacs-2023, ilacs-2026, focused-visit, jtai, area-send, school frameworks (school-2001 to school-2015), eif (schools, early years and further education from 2019), eif-2024 (state schools September 2024 to November 2025, no overall grade), early-years-pre-2015, pre-registration. framework_scales gives each one''s grade scale.';
COMMENT ON COLUMN reports.outcome IS 'Outcome of an ungraded inspection: area SEND positive / inconsistent / significant_concerns, or the outcome as printed (a pre-registration inspection''s sentence).';
COMMENT ON COLUMN judgements.grade IS 'Grade word (grade_scales.grade): outstanding, good, requires_improvement, adequate, satisfactory, inadequate, not_judged; school reports of 2001 keep their seven-point words (excellent, very_good, unsatisfactory, poor, very_poor).';
COMMENT ON COLUMN judgements.score IS 'Numeric grade, 1 best (grade_scales.score): outstanding 1, good 2, requires_improvement / adequate / satisfactory 3, inadequate 4; NULL for not_judged. Compare scores within a scale (framework_scales).';
