package cn.cadreflow.workflow.internal.engine;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import cn.cadreflow.workflow.ProcessSteps;

/**
 * Expressions in the models resolve the processes' facades ({@link ProcessSteps} beans, by bean name) and nothing
 * else: the engine's bean map is exactly those beans, so no model can reach {@code dataSource} or any other bean.
 * The map is filled on the first expression evaluated, once every bean exists (the facades need the engine's
 * neighbours, which need the engine).
 */
@Component
class ProcessStepsBeans extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;

    ProcessStepsBeans(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        Map<Object, Object> beans = new StepsByName(context);
        configuration.setBeans(beans);
        // the Spring factory made its expression manager from the bean map before the plugins ran: make it again
        configuration.setExpressionManager(new SpringExpressionManager(context, beans));
    }

    /** The {@link ProcessSteps} beans by bean name, read from the context when first asked. */
    static final class StepsByName extends AbstractMap<Object, Object> {

        private final ApplicationContext context;
        private volatile Map<Object, Object> steps;

        StepsByName(ApplicationContext context) {
            this.context = context;
        }

        @Override
        public Set<Entry<Object, Object>> entrySet() {
            return steps().entrySet();
        }

        @Override
        public boolean containsKey(Object key) {
            return key != null && steps().containsKey(key);
        }

        @Override
        public Object get(Object key) {
            return key == null ? null : steps().get(key);
        }

        private Map<Object, Object> steps() {
            Map<Object, Object> s = steps;
            if (s == null) {
                s = Map.copyOf(context.getBeansOfType(ProcessSteps.class));
                steps = s;
            }
            return s;
        }
    }
}
