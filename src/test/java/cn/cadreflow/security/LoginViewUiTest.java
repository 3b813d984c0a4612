package cn.cadreflow.security;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.security.internal.LoginView;
import cn.cadreflow.ui.KaribuSupport;

/** What the login page says after a wrong password and after a sign-in refused by the throttle. */
@CadreFlowTest
class LoginViewUiTest extends KaribuSupport {

    @Test
    void aLockedSignInIsExplainedInChineseAndInEnglish() {
        openAnonymously();
        UI.getCurrent().navigate("login", QueryParameters.of("locked", ""));
        NavigatorKt.expectView(LoginView.class);

        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(i18n(form)).contains("\"title\":\"登录已暂时锁定\"",
                "\"message\":\"登录失败次数过多，该账号或当前网络地址已暂时锁定，请 15 分钟后再试。\"");

        _click(_get(Button.class, spec -> spec.withId("language-switch")));
        form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(i18n(form)).contains("\"title\":\"Sign-in temporarily locked\"", "\"message\":\"Too many failed"
                + " sign-ins: this account or your network address is locked. Try again in 15 minutes.\"");
    }

    @Test
    void aWrongPasswordIsExplainedAsBefore() {
        openAnonymously();
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));

        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(i18n(form)).contains("\"title\":\"用户名或密码不正确\"");

        navigate("login");
        assertThat(_get(LoginForm.class).isError()).isFalse();
    }

    /** The texts the form's web component shows, as sent to the browser. */
    private static String i18n(LoginForm form) {
        return String.valueOf(form.getElement().getPropertyRaw("i18n"));
    }
}
