-- The first rule set's change note named a document the repository does not keep; it now names where the rules
-- are written down. (V3 itself stays as it was applied: Flyway checks every applied migration's checksum.)
update rule_set_version set change = 'Initial requirements (rule CMP-1, docs/RULES.md)'
where version = 1 and created_by = 'migration';
