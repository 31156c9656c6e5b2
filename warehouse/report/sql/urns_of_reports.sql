-- The authorities whose pages a run's reports change: the report ids a nightly loaded -> their URNs.
SELECT DISTINCT urn
FROM v_provider_timeline
WHERE report_id IN (SELECT unnest($report_ids::VARCHAR[]))
  AND kind NOT IN ('school-inspection', 'early-years-inspection', 'further-education-inspection',
                   'pre-registration-inspection')
  AND urn IS NOT NULL
ORDER BY urn;
