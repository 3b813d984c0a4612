package cn.cadreflow.security.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.cadreflow.security.AppUser;
import cn.cadreflow.security.UserService;
import cn.cadreflow.ui.UserNames;

/** The signed-in user's display name for the shell's header. */
@Component
class ShellUserNames implements UserNames {

    private final UserService users;

    ShellUserNames(UserService users) {
        this.users = users;
    }

    @Override
    public Optional<String> displayName(String username) {
        return users.find(username).map(AppUser::displayName);
    }
}
