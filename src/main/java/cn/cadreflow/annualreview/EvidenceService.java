package cn.cadreflow.annualreview;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cadreflow.security.UserContext;
import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.AttachmentRules;

/**
 * Digital-capability evidence a cadre enters for themself, with an attached file, and its verification by an
 * HR officer over the cadre's unit. Entered evidence counts towards the digital-capability score only once
 * verified; imported figures (from the platforms, by HR) count as they are.
 */
@Service
public class EvidenceService {

    private final EvidenceFileMapper files;
    private final EvidenceImportService evidence;
    private final AttachmentRules workflow;
    private final Clock clock;

    public EvidenceService(EvidenceFileMapper files, EvidenceImportService evidence, AttachmentRules workflow,
                           Clock clock) {
        this.files = files;
        this.evidence = evidence;
        this.workflow = workflow;
        this.clock = clock;
    }

    /** The cadre's own entry, with an optional file; refused with message keys, nothing half-stored. */
    @Transactional
    public void submitOwn(UserContext user, int year, String indicatorCode, BigDecimal value, String note,
                          String fileName, byte[] content) {
        if (user.cadreId() == null) {
            throw new AppraisalException("appraisal.error.notCadre");
        }
        if (note != null && note.length() > 500) {
            throw new AppraisalException("appraisal.error.noteTooLong", 500);
        }
        AttachmentRules.CheckedFile file = null;
        if (content != null) {
            try {
                file = workflow.checkFile(fileName, content);
            } catch (WorkflowException e) {
                throw new AppraisalException(e.messageKey());
            }
        }
        // the shared rules for entered evidence: known indicator, a value of zero or more
        evidence.check(user.cadreId(), indicatorCode, value);
        EvidenceFileMapper.EnteredRow row = new EvidenceFileMapper.EnteredRow();
        row.cadreId = user.cadreId();
        row.year = year;
        row.indicatorCode = indicatorCode;
        row.value = value;
        row.note = note == null || note.isBlank() ? null : note.strip();
        row.createdBy = user.username();
        row.createdAt = clock.instant();
        files.insertEntered(row);
        if (file != null) {
            files.insertFile(row.id, file.name(), file.contentType(), content, content.length, clock.instant());
        }
    }

    public List<Evidence> mine(UserContext user, int year) {
        return user.cadreId() == null ? List.of() : evidence.evidence(user.cadreId(), year);
    }

    public List<EvidenceFileMapper.FileInfo> files(long cadreId, int year) {
        return files.files(cadreId, year);
    }

    /** Entered evidence of the cadres in the officer's HR scope that nobody has verified yet. */
    public List<EvidenceFileMapper.Pending> pending(UserContext hr) {
        return hr.hrUnitIds().isEmpty() ? List.of() : files.pending(hr.hrUnitIds());
    }

    /** An HR officer over the cadre's unit confirms the evidence; from then on it counts. */
    @Transactional
    public void verify(long evidenceId, UserContext hr) {
        Long unit = files.unitOfEvidence(evidenceId);
        if (unit == null || !hr.hrUnitIds().contains(unit)) {
            throw new AppraisalException("appraisal.error.evidenceNotInScope");
        }
        evidence.verify(evidenceId, hr.username());
    }

    /** A file's bytes, for its cadre or an HR officer over the cadre's unit. */
    public EvidenceFileMapper.StoredFile file(long fileId, UserContext user) {
        EvidenceFileMapper.StoredFile f = files.file(fileId);
        if (f == null || !(f.cadreId().equals(user.cadreId()) || user.hrUnitIds().contains(f.unitId()))) {
            throw new AppraisalException("appraisal.error.evidenceNotInScope");
        }
        return f;
    }
}
