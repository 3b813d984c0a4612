-- 事项类别: the kind of matter a 容错纠错 case is about (改革创新, 招商引资, 项目建设 …; ToleranceCase.Category), chosen
-- when the case is opened, shown on the case, filtered on in 容错纠错案件 and counted in 容错纠错统计. Cases opened
-- before it was asked for count as 其他 (OTHER).
ALTER TABLE tolerance_case ADD COLUMN category VARCHAR(20) NOT NULL DEFAULT 'OTHER';
