-- Reference tables the analyst views join: which earlier area each judgement area continues across frameworks
-- (v_judgement_history's previous grade), and the ONS code of each region (so regional statistics join). Their
-- rows come from the project's data files (transform/area_lineage.csv, transform/regions.csv): every writer
-- puts them in when they differ (warehouse/reference.py), so a change to a file needs no migration.
CREATE TABLE area_lineage (
    area VARCHAR NOT NULL,
    continues VARCHAR NOT NULL,
    preference INTEGER NOT NULL,
    note VARCHAR NOT NULL,
    PRIMARY KEY (area, continues)
);
COMMENT ON TABLE area_lineage IS 'Which area of an earlier framework each judgement area continues (from transform/area_lineage.csv): from 2023 ILACS'' children_in_care_and_care_leavers became children_in_care, with care_leavers beside it; ILACS (2018) combined the SIF''s children_looked_after and care_leavers, and its impact_of_leaders replaced the SIF''s leadership_management_governance. Every area also continues itself, before any row here. v_judgement_history takes the previous grade from the latest earlier inspection that judged the area or one it continues.';
COMMENT ON COLUMN area_lineage.area IS 'The area judged (judgements.area).';
COMMENT ON COLUMN area_lineage.continues IS 'An area judged by earlier inspections that this one continues.';
COMMENT ON COLUMN area_lineage.preference IS 'When one earlier inspection judged several of the areas this one continues, the lowest preference gives the previous grade (the area itself always comes first).';
COMMENT ON COLUMN area_lineage.note IS 'Why the area continues the other, in words.';

CREATE TABLE regions (
    region VARCHAR PRIMARY KEY,
    region_code VARCHAR NOT NULL
);
COMMENT ON TABLE regions IS 'The English regions the authorities belong to, with their ONS codes (from transform/regions.csv).';
COMMENT ON COLUMN regions.region IS 'Name of the region, as providers.region writes it.';
COMMENT ON COLUMN regions.region_code IS 'ONS code of the region (E12000001 North East ... E12000009 South West), as DfE and ONS regional statistics give it.';
