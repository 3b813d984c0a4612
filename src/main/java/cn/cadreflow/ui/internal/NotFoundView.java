package cn.cadreflow.ui.internal;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;

import cn.cadreflow.ui.MainLayout;

/**
 * No such route; in production also a route the user may not open, since Vaadin's access control then answers
 * "not found" (see {@link MissingPage}).
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class NotFoundView extends MissingPage implements HasErrorParameter<NotFoundException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        return show();
    }
}
