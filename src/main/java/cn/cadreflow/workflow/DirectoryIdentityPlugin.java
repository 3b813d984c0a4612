package cn.cadreflow.workflow;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Makes the engine read users and groups from CadreFlow's directory instead of its own ACT_ID tables. */
@Component
class DirectoryIdentityPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<UserDirectory> directory;

    DirectoryIdentityPlugin(ObjectProvider<UserDirectory> directory) {
        this.directory = directory;
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
    }
}
