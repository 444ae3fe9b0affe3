-- intake_context_fingerprint() (migration 0015) runs inside every intake's write statement, through
-- assert_intake_context(). As a LANGUAGE sql function called from PL/pgSQL it was not inlined, and its
-- query was parsed and planned again on every call: about a fifth of PostgreSQL's CPU per intake
-- (docs/PERFORMANCE.md). In PL/pgSQL the query is prepared once per session and its plan reused. The
-- fingerprint itself is unchanged (same fields, same order, same md5), so contexts remembered by app
-- servers of the previous release still match.
CREATE OR REPLACE FUNCTION intake_context_fingerprint(org uuid) RETURNS text
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (
    SELECT md5(row(
      o.path, o.kind, o.name,
      s.time_zone, s.always_on, s.working_hours, s.target_working_days, s.max_stay_days, s.stay_warning_days, s.case_number_prefix,
      (SELECT array_agg(h.date ORDER BY h.date) FROM holidays h WHERE h.organization_id = o.id),
      (SELECT v.id FROM sop_versions v WHERE v.organization_id = o.id ORDER BY v.version DESC LIMIT 1)
    )::text)
    FROM organizations o LEFT JOIN organization_settings s ON s.organization_id = o.id
    WHERE o.id = org
  );
END
$$;
