package cn.cadreflow.workflow;

import java.util.List;
import java.util.Optional;

/**
 * The people and groups processes address. Implemented outside the workflow module from our own user tables;
 * the engine reads it through its identity provider (in the engine adapter), the task centre through
 * {@link WorkflowQueries#people()} and {@link WorkflowQueries#groupIds(String)}.
 */
public interface UserDirectory {

    Optional<DirectoryUser> user(String userId);

    List<DirectoryUser> users();

    Optional<DirectoryGroup> group(String groupId);

    List<DirectoryGroup> groups();

    List<DirectoryGroup> groupsOf(String userId);

    List<String> memberIds(String groupId);

    boolean checkPassword(String userId, String password);

    /** The unit and every unit below it. */
    List<Long> unitAndBelow(long unitId);

    record DirectoryUser(String id, String name, String email) {
    }

    /**
     * type is the role the group stands for (CADRE, UNIT_LEADER, HR_OFFICER, ...); unitId the unit a scoped
     * group belongs to, null for a role group.
     */
    record DirectoryGroup(String id, String name, String type, Long unitId) {
    }
}
