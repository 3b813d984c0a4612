package cn.cadreflow.workflow.internal.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.cadreflow.workflow.UserDirectory;
import cn.cadreflow.workflow.internal.Plugins;
import cn.cadreflow.workflow.internal.notify.TaskEvents;
import cn.cadreflow.workflow.internal.query.TaskIndexMapper;
import cn.cadreflow.workflow.internal.task.DraftMapper;

/**
 * CadreFlow's hooks into the engine: users and groups come from our directory instead of the ACT_ID
 * tables, every task event also feeds the task centre's read model ({@link TaskProjection}), and the history
 * level is CadreFlow's own ({@link CadreFlowHistoryLevel}).
 */
@Component
class EnginePlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<UserDirectory> directory;
    private final ObjectProvider<TaskIndexMapper> index;
    private final ObjectProvider<TaskEvents> events;
    private final ObjectProvider<Plugins> plugins;
    private final ObjectProvider<DraftMapper> drafts;

    EnginePlugin(ObjectProvider<UserDirectory> directory, ObjectProvider<TaskIndexMapper> index,
                 ObjectProvider<TaskEvents> events, ObjectProvider<Plugins> plugins,
                 ObjectProvider<DraftMapper> drafts) {
        this.directory = directory;
        this.index = index;
        this.events = events;
        this.plugins = plugins;
        this.drafts = drafts;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setDbIdentityUsed(false);
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return ReadOnlyIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new DirectoryIdentityProvider(directory.getObject());
            }
        });
        List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryLevels());
        levels.add(new CadreFlowHistoryLevel());
        configuration.setCustomHistoryLevels(levels);
        configuration.setEnableDefaultDbHistoryEventHandler(true);
        configuration.setCustomHistoryEventHandlers(new ArrayList<>(List.of(new HistoryEventHandler() {
            private TaskProjection projection;

            private TaskProjection projection() {
                if (projection == null) {
                    projection = new TaskProjection(index.getObject(), events.getObject(), plugins.getObject(),
                            drafts.getObject());
                }
                return projection;
            }

            @Override
            public void handleEvent(HistoryEvent event) {
                projection().handleEvent(event);
            }

            @Override
            public void handleEvents(List<HistoryEvent> events) {
                projection().handleEvents(events);
            }
        })));
    }
}
