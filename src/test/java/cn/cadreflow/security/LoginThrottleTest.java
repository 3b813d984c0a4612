package cn.cadreflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.cadreflow.CadreFlowServerTest;

/**
 * Guessing passwords against the running app (default limits: an account is locked after 5 failures, an address
 * after 30, for 15 minutes). Each test signs in from its own client address, forwarded by a proxy on this machine.
 */
@CadreFlowServerTest
@ExtendWith(OutputCaptureExtension.class)
class LoginThrottleTest {

    static final String PASSWORD = "Right-Pass-2026";

    @LocalServerPort
    int port;
    @Autowired
    UserService users;

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneIsRefusedWithTheLockMessage(CapturedOutput output) {
        users.addUser("guessed", "被猜", null, PASSWORD);
        Browser attacker = new Browser(port, "X-Forwarded-For", "203.0.113.1");

        for (int i = 0; i < 5; i++) {
            assertThat(attacker.location(attacker.signIn("guessed", "wrong-" + i))).endsWith("/login?error");
        }
        assertThat(attacker.location(attacker.signIn("guessed", PASSWORD))).endsWith("/login?locked");
        // the owner, from elsewhere, is locked out too until the lock ends
        Browser owner = new Browser(port, "X-Forwarded-For", "203.0.113.9");
        assertThat(owner.location(owner.signIn("guessed", PASSWORD))).endsWith("/login?locked");

        assertThat(count(output, "Sign-in failed: account 'guessed' from 203.0.113.1")).isEqualTo(5);
        assertThat(output.getOut()).contains("Sign-in locked for account 'guessed' until")
                .contains("Sign-in refused without checking the password, too many failures: account 'guessed' (locked)"
                        + " from 203.0.113.1")
                .doesNotContain("wrong-0").doesNotContain(PASSWORD);
    }

    @Test
    void aSuccessfulSignInStartsTheAccountsCountAgain() {
        users.addUser("typo", "手误", null, PASSWORD);
        Browser user = new Browser(port, "X-Forwarded-For", "203.0.113.2");
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                assertThat(user.location(user.signIn("typo", "wrong"))).endsWith("/login?error");
            }
            assertThat(user.location(user.signIn("typo", PASSWORD))).isEqualTo(user.origin() + "/");
        }
    }

    @Test
    void anAddressTryingManyAccountsIsLockedForAllOfThem() {
        users.addUser("neighbour", "邻居", null, PASSWORD);
        Browser sprayer = new Browser(port, "X-Forwarded-For", "203.0.113.3");
        for (int i = 0; i < 30; i++) {
            // names that exist nowhere count too: a lock tells nothing about which accounts exist
            assertThat(sprayer.location(sprayer.signIn("nobody-" + i, "wrong"))).endsWith("/login?error");
        }
        assertThat(sprayer.location(sprayer.signIn("neighbour", PASSWORD))).endsWith("/login?locked");

        Browser elsewhere = new Browser(port, "X-Forwarded-For", "203.0.113.4");
        assertThat(elsewhere.location(elsewhere.signIn("neighbour", PASSWORD))).isEqualTo(elsewhere.origin() + "/");
    }

    @Test
    void attemptsSentSideBySideCannotSlipPastTheLimit(CapturedOutput output) throws Exception {
        users.addUser("burst", "并发", null, PASSWORD);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(pool.submit(() -> {
                    Browser b = new Browser(port, "X-Forwarded-For", "203.0.113.5");
                    return b.location(b.signIn("burst", "wrong"));
                }));
            }
            for (Future<String> answer : answers) {
                assertThat(answer.get()).matches(".*/login\\?(error|locked)");
            }
        } finally {
            pool.shutdown();
        }
        // at most the limit's worth of passwords was ever checked
        assertThat(count(output, "Sign-in failed: account 'burst' from")).isLessThanOrEqualTo(5);
        Browser owner = new Browser(port, "X-Forwarded-For", "203.0.113.6");
        assertThat(owner.location(owner.signIn("burst", PASSWORD))).endsWith("/login?locked");
    }

    @Test
    void aForwardedAddressIsBelievedOnlyFromATrustedProxy(CapturedOutput output) {
        // the proxy on this machine is trusted; 10.1.2.3, the hop before it, is not, so what it claims is ignored
        Browser client = new Browser(port, "X-Forwarded-For", "198.51.100.7, 10.1.2.3");
        assertThat(client.location(client.signIn("spoofer", "wrong"))).endsWith("/login?error");

        assertThat(output.getOut()).contains("Sign-in failed: account 'spoofer' from 10.1.2.3")
                .doesNotContain("from 198.51.100.7");
    }

    private static int count(CapturedOutput output, String line) {
        Matcher m = Pattern.compile(Pattern.quote(line)).matcher(output.getOut());
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
