package cn.cadreflow.annualreview.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cadreflow.annualreview.AppraisalException;
import cn.cadreflow.annualreview.Evidence;
import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
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
    private final CadreService cadres;
    private final OrgService org;
    private final Clock clock;

    public EvidenceService(EvidenceFileMapper files, EvidenceImportService evidence, AttachmentRules workflow,
                           CadreService cadres, OrgService org, Clock clock) {
        this.files = files;
        this.evidence = evidence;
        this.workflow = workflow;
        this.cadres = cadres;
        this.org = org;
        this.clock = clock;
    }

    /** A file attached to a piece of evidence. */
    public record EvidenceFile(Long id, Long evidenceId, String fileName) {
    }

    /** A file's content, for download. */
    public record FileContent(String fileName, String contentType, byte[] content) {
    }

    /** Entered evidence not yet verified, with whose it is (the cadre and the cadre's unit). */
    public record PendingEvidence(Long id, Long cadreId, String cadreName, String unitName, int evidenceYear,
                                  String indicatorCode, BigDecimal evidenceValue, String note, Instant createdAt) {
    }

    /**
     * The cadre's own entry, with an optional file; refused with message keys, nothing half-stored: a year from 2000
     * to next year, a figure its column keeps ({@link EvidenceValues}), a note of at most
     * {@value EvidenceImportService#MAX_NOTE} characters.
     */
    @Transactional
    public void submitOwn(UserContext user, int year, String indicatorCode, BigDecimal value, String note,
                          String fileName, byte[] content) {
        if (user.cadreId() == null) {
            throw new AppraisalException("appraisal.error.notCadre");
        }
        AppraisalYears.check(year, LocalDate.now(clock));
        String problem = EvidenceValues.problem(value);
        if (problem != null) {
            throw new AppraisalException(problem, EvidenceValues.MAX.toPlainString(), EvidenceValues.SCALE);
        }
        if (note != null && note.strip().length() > EvidenceImportService.MAX_NOTE) {
            throw new AppraisalException("appraisal.error.noteTooLong", EvidenceImportService.MAX_NOTE);
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
        evidence.check(indicatorCode, value);
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

    /** The files of a cadre's evidence of the year, for the cadre or an HR officer over the cadre's unit. */
    public List<EvidenceFile> files(long cadreId, int year, UserContext viewer) {
        if (!(Long.valueOf(cadreId).equals(viewer.cadreId()) || inHrScope(viewer, cadreId))) {
            throw new AppraisalException("appraisal.error.evidenceNotInScope");
        }
        return files.files(cadreId, year).stream()
                .map(f -> new EvidenceFile(f.id(), f.evidenceId(), f.fileName())).toList();
    }

    /** Entered evidence of the cadres in the officer's HR scope that nobody has verified yet, oldest first. */
    public List<PendingEvidence> pending(UserContext hr) {
        List<Long> inScope = cadres.idsInUnits(hr.hrUnitIds());
        List<EvidenceFileMapper.Pending> pending = inScope.isEmpty() ? List.of() : files.pending(inScope);
        Map<Long, Cadre> byId = cadres.findAll(pending.stream().map(EvidenceFileMapper.Pending::cadreId).toList());
        Map<Long, OrgUnit> units = org.units(byId.values().stream().map(Cadre::unitId).toList());
        return pending.stream().map(p -> {
            Cadre c = byId.get(p.cadreId());
            OrgUnit unit = c == null ? null : units.get(c.unitId());
            return new PendingEvidence(p.id(), p.cadreId(), c == null ? null : c.name(),
                    unit == null ? null : unit.name(), p.evidenceYear(), p.indicatorCode(), p.evidenceValue(),
                    p.note(), p.createdAt());
        }).toList();
    }

    /** An HR officer over the cadre's unit confirms the evidence; from then on it counts. */
    @Transactional
    public void verify(long evidenceId, UserContext hr) {
        if (!inHrScope(hr, files.cadreOfEvidence(evidenceId))) {
            throw new AppraisalException("appraisal.error.evidenceNotInScope");
        }
        evidence.markVerified(evidenceId, hr.username());
    }

    /** A file's bytes, for its cadre or an HR officer over the cadre's unit. */
    public FileContent file(long fileId, UserContext user) {
        EvidenceFileMapper.StoredFile f = files.file(fileId);
        if (f == null || !(f.cadreId().equals(user.cadreId()) || inHrScope(user, f.cadreId()))) {
            throw new AppraisalException("appraisal.error.evidenceNotInScope");
        }
        return new FileContent(f.fileName(), f.contentType(), f.content());
    }

    private boolean inHrScope(UserContext user, Long cadreId) {
        Long unit = unitOf(cadreId);
        return unit != null && user.hrUnitIds().contains(unit);
    }

    private Long unitOf(Long cadreId) {
        return cadreId == null ? null : cadres.find(cadreId).map(Cadre::unitId).orElse(null);
    }
}
