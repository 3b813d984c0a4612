package cn.cadreflow.ui;

import java.util.Optional;

/** The name the shell shows for the signed-in user; implemented by the module that keeps the users. */
public interface UserNames {

    Optional<String> displayName(String username);
}
