-- What an intake is planned from (cases.service.ts intakeContext): the receiving organization's place
-- in the tree, kind and name, its service settings and holidays, and its current SOP version. App
-- servers keep that context in memory; the intake's write statement checks this fingerprint in its own
-- snapshot and fails without writing anything when the context changed (SQLSTATE SG001), and the
-- server then reads it again and retries. row(...)::text keeps every field's position, NULLs included.
CREATE FUNCTION intake_context_fingerprint(org uuid) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT md5(row(
    o.path, o.kind, o.name,
    s.time_zone, s.always_on, s.working_hours, s.target_working_days, s.max_stay_days, s.stay_warning_days, s.case_number_prefix,
    (SELECT array_agg(h.date ORDER BY h.date) FROM holidays h WHERE h.organization_id = o.id),
    (SELECT v.id FROM sop_versions v WHERE v.organization_id = o.id ORDER BY v.version DESC LIMIT 1)
  )::text)
  FROM organizations o LEFT JOIN organization_settings s ON s.organization_id = o.id
  WHERE o.id = org
$$;--> statement-breakpoint
CREATE FUNCTION assert_intake_context(org uuid, fingerprint text) RETURNS boolean
LANGUAGE plpgsql STABLE AS $$
BEGIN
  IF fingerprint IS NOT NULL AND fingerprint IS DISTINCT FROM intake_context_fingerprint(org) THEN
    RAISE EXCEPTION 'the intake context of organization % changed', org USING ERRCODE = 'SG001';
  END IF;
  RETURN true;
END
$$;
