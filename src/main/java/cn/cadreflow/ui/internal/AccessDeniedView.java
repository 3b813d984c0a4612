package cn.cadreflow.ui.internal;

import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import cn.cadreflow.ui.MainLayout;

/** A route the user may not open, wherever access control says so outright: the same page as {@link NotFoundView}. */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class AccessDeniedView extends MissingPage implements HasErrorParameter<AccessDeniedException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        return show();
    }
}
