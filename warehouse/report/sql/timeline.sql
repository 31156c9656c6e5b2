-- Every report of every authority, oldest first: graded inspections and ungraded visits alike, with where
-- its file is (the Ofsted address, else the path it was read from) for the page to link to.
SELECT
    urn,
    report_id,
    kind,
    framework,
    inspection_start,
    inspection_end,
    published,
    overall_grade,
    outcome,
    headline,
    source_url,
    path
FROM v_provider_timeline
-- Reports of schools, early years settings and further education providers name no authority.
WHERE kind NOT IN ('school-inspection', 'early-years-inspection', 'further-education-inspection',
                   'pre-registration-inspection')
  AND urn IS NOT NULL
  AND ($urns::VARCHAR[] IS NULL OR list_contains($urns::VARCHAR[], urn))
ORDER BY urn, inspection_end NULLS LAST, published NULLS LAST, report_id;
