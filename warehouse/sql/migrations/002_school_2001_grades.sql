-- The 2001 school framework's seven-point words are loaded as printed (school inspections before 2005).
COMMENT ON COLUMN judgements.grade IS 'Grade word: outstanding, good, requires_improvement, adequate, satisfactory, inadequate, not_judged; school reports of 2001 keep their seven-point words (excellent, very_good, unsatisfactory, poor, very_poor).';
