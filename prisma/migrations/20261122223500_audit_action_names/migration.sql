-- Audit actions follow one scheme, `noun.verb` (lib/audit/actions.ts): the two that did not are
-- renamed in the rows already written, so the log and its filter read one name per action.
UPDATE "AuditEvent" SET "action" = 'member.change_role' WHERE "action" = 'member.role_change';
UPDATE "AuditEvent" SET "action" = 'member.change_unit' WHERE "action" = 'member.unit_change';
