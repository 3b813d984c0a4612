-- 政治面貌 (political status) of a cadre, as the official forms (年度考核登记表, 干部任免审批表) carry it:
-- CPC 中共党员, CPC_PROBATIONARY 中共预备党员, CYL 共青团员, DEMOCRATIC 民主党派成员, NONPARTY 无党派人士, MASSES 群众.
-- Existing cadres with a date of joining the party are members; the others are 群众 until HR says otherwise.
-- 任现职时间 is not stored: it is the start of the cadre's open post-history line in their unit.
ALTER TABLE cadre ADD COLUMN political_status VARCHAR(20) NOT NULL DEFAULT 'MASSES';
UPDATE cadre SET political_status = 'CPC' WHERE party_date IS NOT NULL;
