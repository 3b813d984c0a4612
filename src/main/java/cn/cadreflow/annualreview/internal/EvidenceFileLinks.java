package cn.cadreflow.annualreview.internal;

import java.io.ByteArrayInputStream;
import java.util.List;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import cn.cadreflow.security.UserContext;

/** Download links for an evidence entry's files; each download is checked again for the viewer. */
class EvidenceFileLinks extends Div {

    EvidenceFileLinks(List<EvidenceService.EvidenceFile> files, EvidenceService evidence, UserContext viewer) {
        for (EvidenceService.EvidenceFile f : files) {
            Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
                EvidenceService.FileContent stored = evidence.file(f.id(), viewer);
                return new DownloadResponse(new ByteArrayInputStream(stored.content()), stored.fileName(),
                        stored.contentType(), stored.content().length);
            }), f.fileName());
            link.getElement().setAttribute("download", true);
            add(link);
        }
    }
}
