package cn.cadreflow.tolerance.internal;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.UploadI18N;

import cn.cadreflow.ui.BoundedUpload;
import cn.cadreflow.ui.Notices;
import cn.cadreflow.workflow.AttachmentRules;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.ProcessStarts.StartFile;

/**
 * 证据材料 chosen on the start page: each file is held in the page until the case is opened, listed with a button to
 * take it off again; the server checks them all when the case starts ({@link ProcessStarts#start}) and keeps them
 * on the request, where the case's readers, and only they, find them.
 */
class EvidenceFiles extends VerticalLayout {

    private final List<StartFile> files = new ArrayList<>();
    private final UnorderedList list = new UnorderedList();

    EvidenceFiles(AttachmentRules rules) {
        setPadding(false);
        setSpacing(false);
        Span label = new Span(getTranslation("tolerance.open.evidence", ProcessStarts.MAX_START_FILES));
        label.addClassName("field-label");
        BoundedUpload upload = new BoundedUpload(rules.maxBytes(), this::received);
        upload.setId("open-evidence");
        upload.setAcceptedFileTypes(rules.endings().stream().map(t -> "." + t).toArray(String[]::new));
        upload.setDropAllowed(false);
        UploadI18N i18n = upload.getI18n();
        i18n.getAddFiles().setOne(getTranslation("attachment.add"));
        i18n.getError().setIncorrectFileType(getTranslation("attachment.error.type"));
        upload.setI18n(i18n);
        list.setId("open-evidence-list");
        add(label, upload, list);
    }

    private void received(String name, byte[] content) {
        if (files.size() >= ProcessStarts.MAX_START_FILES) {
            Notices.error(getTranslation("attachment.error.tooMany", ProcessStarts.MAX_START_FILES));
            return;
        }
        StartFile file = new StartFile(name, content);
        files.add(file);
        Button remove = new Button(getTranslation("tolerance.open.evidenceRemove"));
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        ListItem item = new ListItem(new Span(name), remove);
        remove.addClickListener(e -> {
            files.remove(file);
            list.remove(item);
        });
        list.add(item);
    }

    List<StartFile> files() {
        return List.copyOf(files);
    }
}
