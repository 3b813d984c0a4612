package cn.cadreflow.workflow.internal.engine;

import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * The engine's history level ({@code camunda.bpm.history-level=cadreflow}): everything the FULL level records,
 * less two logs that nothing in CadreFlow reads, since Camunda's own webapps are not shipped: the value of every
 * variable at every update (ACT_HI_DETAIL) and the engine's user operation log (ACT_HI_OP_LOG). Who did what,
 * when and why is CadreFlow's own trail ({@code workflow_action}); what a form step submitted is kept by its
 * feature's records; the last value of each variable stays in ACT_HI_VARINST. Every variable a start sets
 * would otherwise be written three times over, which a campaign launching thousands of reviews pays for.
 */
final class CadreFlowHistoryLevel implements HistoryLevel {

    static final String NAME = "cadreflow";
    /** Stored by the engine in ACT_GE_PROPERTY; 0 to 3 are the built-in levels (sql/V11 moves FULL to this). */
    static final int ID = 20;

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        return eventType != HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL
                && eventType != HistoryEventTypes.USER_OPERATION_LOG;
    }
}
