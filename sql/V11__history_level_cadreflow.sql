-- The engine's history level is CadreFlow's own from now on (cn.cadreflow.workflow.CadreFlowHistoryLevel, id 20):
-- FULL less ACT_HI_DETAIL and ACT_HI_OP_LOG. The engine refuses to start when the level it is configured with and
-- the one its database records differ, so a database that has run at FULL (3) is moved over. A new database has
-- no such row yet: the engine writes it on its first start.
UPDATE ACT_GE_PROPERTY SET VALUE_ = '20' WHERE NAME_ = 'historyLevel' AND VALUE_ = '3';
