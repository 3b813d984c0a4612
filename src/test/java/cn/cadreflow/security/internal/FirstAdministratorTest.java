package cn.cadreflow.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserService;

/** How the first administrator of a database without accounts gets in. */
@ExtendWith(OutputCaptureExtension.class)
class FirstAdministratorTest {

    @TempDir
    Path tmp;

    final UserMapper accounts = mock(UserMapper.class);
    final UserService users = mock(UserService.class);
    final TransactionTemplate transaction = new TransactionTemplate(mock(PlatformTransactionManager.class));

    FirstAdministrator firstAdministrator(String password, Path file) {
        return new FirstAdministrator(accounts, users, transaction, password, file);
    }

    @Test
    void withoutAPasswordGivenOneIsGeneratedIntoAnOwnerOnlyFileAndNeverIntoTheLog(CapturedOutput output)
            throws IOException {
        Path file = tmp.resolve("data/initial-admin-password");
        when(users.addUser(anyString(), anyString(), any(), anyString())).thenReturn(1L);

        firstAdministrator("", file).run(null);

        ArgumentCaptor<String> password = ArgumentCaptor.forClass(String.class);
        verify(users).addUser(eq("admin"), eq("admin"), isNull(), password.capture());
        verify(users).grant(1L, AppRoles.ADMIN, null);
        assertThat(password.getValue()).hasSize(20);
        assertThat(Files.readString(file, StandardCharsets.UTF_8).strip()).isEqualTo(password.getValue());
        if (OwnerOnlyFiles.supported()) {
            assertThat(DataDirectoryTest.mode(file)).isEqualTo("rw-------");
            assertThat(DataDirectoryTest.mode(file.getParent())).isEqualTo("rwx------");
        }
        assertThat(output.getOut()).contains("created the administrator 'admin'", file.toString())
                .doesNotContain(password.getValue());
    }

    @Test
    void theOperatorsPasswordIsUsedAsGiven(CapturedOutput output) {
        Path file = tmp.resolve("initial-admin-password");
        when(users.addUser(anyString(), anyString(), any(), anyString())).thenReturn(1L);

        firstAdministrator("operator-chosen-1", file).run(null);

        verify(users).addUser("admin", "admin", null, "operator-chosen-1");
        assertThat(file).doesNotExist();
        assertThat(output.getOut()).doesNotContain("operator-chosen-1");
    }

    @Test
    void aShortPasswordIsRefusedBeforeAnythingIsCreated() {
        assertThatThrownBy(() -> firstAdministrator("short", tmp.resolve("f")).run(null))
                .hasMessageContaining("at least 12 characters");
        verify(users, never()).addUser(anyString(), anyString(), any(), anyString());
    }

    @Test
    void aDatabaseWithAccountsGetsNone() {
        when(accounts.anyUser()).thenReturn(true);

        firstAdministrator("", tmp.resolve("initial-admin-password")).run(null);

        verify(users, never()).addUser(anyString(), anyString(), any(), anyString());
        assertThat(tmp.resolve("initial-admin-password")).doesNotExist();
    }
}
