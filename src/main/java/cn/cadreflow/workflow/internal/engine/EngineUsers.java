package cn.cadreflow.workflow.internal.engine;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** Runs engine calls in a user's name, so that the engine records who started, completed or changed what. */
@Component
class EngineUsers {

    private final IdentityService identity;

    EngineUsers(IdentityService identity) {
        this.identity = identity;
    }

    <T> T as(String username, Supplier<T> work) {
        identity.setAuthenticatedUserId(username);
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}
