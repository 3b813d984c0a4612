package cn.cadreflow.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserService;

/**
 * How the first administrator gets in when the database has no account at all (no demo data): the account
 * {@code admin} is created, with the password from {@code CADREFLOW_ADMIN_PASSWORD}
 * ({@code cadreflow.initial-admin.password}, at least 12 characters) or, without one, a generated password written
 * once to {@code cadreflow.initial-admin.password-file} (default {@code <CADREFLOW_DATA>/initial-admin-password}),
 * readable by the server's own user only. The log says where the password is, never the password. Runs after the
 * demo data, which brings its own administrator.
 */
@Component
@Order(10)
class FirstAdministrator implements ApplicationRunner {

    static final String USERNAME = "admin";
    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 20;

    private final UserMapper accounts;
    private final UserService users;
    private final TransactionTemplate transaction;
    private final String configuredPassword;
    private final Path passwordFile;

    FirstAdministrator(UserMapper accounts, UserService users, TransactionTemplate transaction,
                       @Value("${cadreflow.initial-admin.password:}") String configuredPassword,
                       @Value("${cadreflow.initial-admin.password-file}") Path passwordFile) {
        this.accounts = accounts;
        this.users = users;
        this.transaction = transaction;
        this.configuredPassword = configuredPassword;
        this.passwordFile = passwordFile;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyUser()) {
            return;
        }
        boolean generated = configuredPassword.isEmpty();
        if (!generated && configuredPassword.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException("CADREFLOW_ADMIN_PASSWORD (cadreflow.initial-admin.password) needs at least "
                    + MIN_PASSWORD_LENGTH + " characters");
        }
        String password = generated ? generate() : configuredPassword;
        if (generated) {
            try {
                OwnerOnlyFiles.write(passwordFile, password + System.lineSeparator());
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the first administrator's password to " + passwordFile
                        + "; set CADREFLOW_ADMIN_PASSWORD instead", e);
            }
        }
        try {
            transaction.executeWithoutResult(status -> {
                long id = users.addUser(USERNAME, USERNAME, null, password);
                users.grant(id, AppRoles.ADMIN, null);
            });
        } catch (DuplicateKeyException e) {
            log.info("The administrator '{}' was created meanwhile by another server on this database", USERNAME);
            if (generated) {
                OwnerOnlyFiles.deleteQuietly(passwordFile);
            }
            return;
        }
        if (generated) {
            log.warn("No account existed: created the administrator '{}'. Its generated password is in {}, readable by"
                    + " this user only; sign in with it, keep it safe and delete the file.", USERNAME,
                    passwordFile.toAbsolutePath());
        } else {
            log.info("No account existed: created the administrator '{}' with the password from CADREFLOW_ADMIN_PASSWORD",
                    USERNAME);
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
