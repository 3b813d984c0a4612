package cn.cadreflow.workflow.internal.ui;

import java.io.ByteArrayInputStream;
import java.util.List;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.WorkflowQueries;
import cn.cadreflow.workflow.WorkflowViews;

/**
 * The files of a request (sent with its start form or attached at a step), each a download checked again for the
 * reader when it is asked for; on the request's page and under a task.
 */
class AttachmentList extends UnorderedList {

    AttachmentList(WorkflowQueries queries, Texts texts, String processInstanceId, String user,
                   List<WorkflowViews.AttachmentInfo> files) {
        setId("attachments");
        for (WorkflowViews.AttachmentInfo file : files) {
            Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
                byte[] bytes = queries.attachmentContent(processInstanceId, file.id(), user);
                return new DownloadResponse(new ByteArrayInputStream(bytes), file.name(),
                        "application/octet-stream", bytes.length);
            }), file.name());
            link.getElement().setAttribute("download", true);
            add(new ListItem(link, new Span(" " + texts.dateTime(file.created()))));
        }
    }
}
