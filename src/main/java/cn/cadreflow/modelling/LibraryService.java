package cn.cadreflow.modelling;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import cn.cadreflow.modelling.internal.AuditMapper;
import cn.cadreflow.modelling.internal.ModelDraftMapper;
import cn.cadreflow.modelling.internal.compare.ModelDiff;
import cn.cadreflow.modelling.internal.lint.StartLint;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.workflow.MigrationPreview;
import cn.cadreflow.workflow.MigrationRefusedException;
import cn.cadreflow.workflow.MigrationResult;
import cn.cadreflow.workflow.ModelIncident;
import cn.cadreflow.workflow.ModelProblem;
import cn.cadreflow.workflow.ModelRejected;
import cn.cadreflow.workflow.ModelVersion;
import cn.cadreflow.workflow.ProcessLibrary;
import cn.cadreflow.workflow.ProcessMigrations;

/**
 * The process library for administrators. Deploying a model runs code, so every method is for ADMIN only and
 * checks it itself; every change (deployment, suspension, resumption, migration, retry, cancellation) is recorded in
 * {@code model_audit} with who, when and what. An upload the deployment guard refuses throws
 * {@link cn.cadreflow.workflow.ModelRejected} with the problems, and nothing is deployed or recorded.
 */
@Service
public class LibraryService {

    /** The one refusal: not an administrator, or no such version or incident. */
    public static final String UNAVAILABLE = "library.error.unavailable";
    public static final int REASON_MAX = 500;
    /** The largest diagram kept as a draft (the guard's limit applies at deploy). */
    public static final int MAX_DRAFT_BYTES = 2 * 1024 * 1024;

    /** Two versions that cannot be compared or migrated: not of the same kind (migration: the same process). */
    public static final String NOT_A_PAIR = "library.error.pair";

    /** A hand-made step mapping that cannot be planned: nothing migrated (the preview says why, step by step). */
    public static final String MAPPING_REFUSED = "modelling.migrate.error.mapping";
    /** The most steps mapped by hand in one migration. */
    public static final int MAX_MAPPED_STEPS = 500;

    private final ProcessLibrary library;
    private final ProcessMigrations migrations;
    private final AuditMapper audit;
    private final ModelDraftMapper drafts;
    private final Clock clock;

    LibraryService(ProcessLibrary library, ProcessMigrations migrations, AuditMapper audit, ModelDraftMapper drafts,
                   Clock clock) {
        this.library = library;
        this.migrations = migrations;
        this.audit = audit;
        this.drafts = drafts;
        this.clock = clock;
    }

    /** Every version of every model, with who deployed it. */
    public List<LibraryEntry> entries(UserContext actor) {
        admin(actor);
        List<ModelVersion> versions = library.versions();
        Set<String> deployments = versions.stream().map(ModelVersion::deploymentId).collect(Collectors.toSet());
        Map<String, String> by = new HashMap<>();
        if (!deployments.isEmpty()) {
            audit.deployments(deployments).forEach(r -> by.put(r.deploymentId(), r.actor()));
        }
        return versions.stream().map(v -> new LibraryEntry(v, by.get(v.deploymentId()))).toList();
    }

    /** One version, by its id. */
    public LibraryEntry entry(UserContext actor, String versionId) {
        return entries(actor).stream().filter(e -> e.version().id().equals(versionId)).findFirst()
                .orElseThrow(() -> new LibraryException(UNAVAILABLE));
    }

    /** The file of one version, as deployed. */
    public byte[] content(UserContext actor, String versionId) {
        return library.content(entry(actor, versionId).version());
    }

    /** What the guard says of a file, without deploying it. */
    public List<ModelProblem> check(UserContext actor, String fileName, byte[] content) {
        admin(actor);
        return library.check(fileName, content);
    }

    /** Checks and deploys a file; returns the deployment's id. */
    public String deploy(UserContext actor, String fileName, byte[] content) {
        admin(actor);
        String deploymentId = library.deploy(fileName, content);
        record(actor, "DEPLOY", fileName, deploymentId, content.length + " bytes");
        return deploymentId;
    }

    /**
     * Every problem of a process modelled in the browser: the guard's, then what the start page needs
     * ({@link StartLint}). Empty when it may be deployed.
     */
    public List<ModelProblem> validate(UserContext actor, String processKey, byte[] bpmn) {
        admin(actor);
        List<ModelProblem> problems = new java.util.ArrayList<>(library.check(fileName(processKey), bpmn));
        if (problems.isEmpty()) {
            problems.addAll(StartLint.check(new String(bpmn, java.nio.charset.StandardCharsets.UTF_8)));
        }
        return problems;
    }

    /**
     * Validates a modelled process again and deploys it (recorded like an upload); returns the deployment's id.
     *
     * @throws ModelRejected with every problem, when there is any (nothing is deployed or recorded)
     */
    public String deployModel(UserContext actor, String processKey, byte[] bpmn) {
        List<ModelProblem> problems = validate(actor, processKey, bpmn);
        if (!problems.isEmpty()) {
            throw new ModelRejected(problems);
        }
        return deploy(actor, fileName(processKey), bpmn);
    }

    /** Saves a new draft version of a modelled process; nothing is deployed. */
    public void saveDraft(UserContext actor, String processKey, String name, byte[] bpmn) {
        saveDraft(actor, ModelVersion.Kind.PROCESS, processKey, name, bpmn);
    }

    /** Saves a new draft version of a process, form or decision table of this key; nothing is deployed. */
    public void saveDraft(UserContext actor, ModelVersion.Kind kind, String key, String name, byte[] content) {
        admin(actor);
        if (kind == null || content == null || content.length == 0 || content.length > MAX_DRAFT_BYTES
                || !validKey(key)) {
            throw new LibraryException("modeller.error.draft");
        }
        String title = name == null || name.isBlank() ? key : cut(name.strip(), 255);
        drafts.insert(kind, key, title, content, actor.username(), LocalDateTime.now(clock));
    }

    /**
     * Deploys a form or decision table made in the browser through the guarded path (as an upload of
     * {@code <key>.form} or {@code <key>.dmn}, recorded); returns the deployment's id.
     *
     * @throws ModelRejected with every problem the guard finds (nothing is deployed or recorded)
     */
    public String deployFile(UserContext actor, ModelVersion.Kind kind, String key, byte[] content) {
        admin(actor);
        if (kind == null || kind == ModelVersion.Kind.PROCESS || !validKey(key)) {
            throw new LibraryException("editor.error.key");
        }
        return deploy(actor, fileName(kind, key), content);
    }

    /** What the guard says of a form or decision table made in the browser, without deploying it. */
    public List<ModelProblem> checkFile(UserContext actor, ModelVersion.Kind kind, String key, byte[] content) {
        admin(actor);
        if (kind == null || kind == ModelVersion.Kind.PROCESS || !validKey(key)) {
            throw new LibraryException("editor.error.key");
        }
        return library.check(fileName(kind, key), content);
    }

    /** The file name a model of this kind and key is deployed under. */
    static String fileName(ModelVersion.Kind kind, String key) {
        return key + switch (kind) {
            case PROCESS -> ".bpmn";
            case DECISION -> ".dmn";
            case FORM -> ".form";
        };
    }

    private static boolean validKey(String key) {
        return key != null && key.matches("[A-Za-z_][A-Za-z0-9_-]{0,63}");
    }

    /** The saved drafts, newest first. */
    public List<ModelDraft> drafts(UserContext actor) {
        admin(actor);
        return drafts.latest(200);
    }

    /** A draft's content when it is a draft of this kind. */
    public byte[] draft(UserContext actor, long draftId, ModelVersion.Kind kind) {
        admin(actor);
        return drafts.contentOf(draftId, kind).stream().findFirst()
                .orElseThrow(() -> new LibraryException(UNAVAILABLE));
    }

    /** A process draft's diagram. */
    public byte[] draft(UserContext actor, long draftId) {
        return draft(actor, draftId, ModelVersion.Kind.PROCESS);
    }

    private static String fileName(String processKey) {
        return (processKey == null ? "" : processKey) + ".bpmn";
    }

    public void suspend(UserContext actor, String definitionId) {
        ModelVersion v = process(actor, definitionId);
        library.suspend(v.id());
        record(actor, "SUSPEND", v.id(), v.deploymentId(), v.running() + " running");
    }

    public void resume(UserContext actor, String definitionId) {
        ModelVersion v = process(actor, definitionId);
        library.resume(v.id());
        record(actor, "RESUME", v.id(), v.deploymentId(), v.running() + " running");
    }

    /** What changed from one version of a model to another of the same kind (a copy under another key too). */
    public List<ModelChange> compare(UserContext actor, String fromId, String toId) {
        ModelVersion from = entry(actor, fromId).version();
        ModelVersion to = entry(actor, toId).version();
        if (from.kind() != to.kind()) {
            throw new LibraryException(NOT_A_PAIR);
        }
        return ModelDiff.compare(from.kind(), library.content(from), library.content(to));
    }

    /** What migrating the running instances of one process version to another would do; nothing is changed. */
    public MigrationPreview migrationPreview(UserContext actor, String fromId, String toId) {
        return migrationPreview(actor, fromId, toId, Map.of());
    }

    /**
     * The same with steps of the old version mapped by hand to steps of the new one (source id to target id): a
     * mapping that cannot be planned gives the preview's problems (unknown steps, steps of different kinds, the
     * engine's refusals), and nothing would move.
     */
    public MigrationPreview migrationPreview(UserContext actor, String fromId, String toId,
                                             Map<String, String> mapping) {
        ModelVersion[] pair = processPair(actor, fromId, toId);
        return migrations.preview(pair[0].id(), pair[1].id(), mapping(mapping));
    }

    public MigrationResult migrate(UserContext actor, String fromId, String toId) {
        return migrate(actor, fromId, toId, Map.of());
    }

    /**
     * Moves the running instances of one process version that can move to another version of the same process,
     * each waiting step to the step of the same id or the one mapped by hand, recorded with the versions, the
     * hand-made pairs and how many moved; the others stay where they are. A mapping that cannot be planned is
     * refused with {@link #MAPPING_REFUSED}: nothing moves, nothing is recorded.
     */
    public MigrationResult migrate(UserContext actor, String fromId, String toId, Map<String, String> mapping) {
        ModelVersion[] pair = processPair(actor, fromId, toId);
        Map<String, String> byHand = mapping(mapping);
        MigrationResult result;
        try {
            result = migrations.migrate(pair[0].id(), pair[1].id(), byHand);
        } catch (MigrationRefusedException e) {
            throw new LibraryException(MAPPING_REFUSED);
        }
        String pairs = byHand.entrySet().stream().map(e -> e.getKey() + "->" + e.getValue())
                .collect(Collectors.joining(","));
        record(actor, "MIGRATE", pair[0].id() + " -> " + pair[1].id(), pair[1].deploymentId(),
                pair[0].key() + " v" + pair[0].version() + " -> v" + pair[1].version() + ": " + result.moved()
                        + " moved, " + result.left() + " left" + (pairs.isEmpty() ? "" : ", mapped by hand: " + pairs)
                        + (result.refused().isEmpty() ? ""
                        : ", refused by the engine: " + String.join(",", result.refused())));
        return result;
    }

    /** A hand-made mapping within bounds: at most {@link #MAX_MAPPED_STEPS} pairs of ids of at most 255 characters. */
    private static Map<String, String> mapping(Map<String, String> mapping) {
        if (mapping == null) {
            return Map.of();
        }
        if (mapping.size() > MAX_MAPPED_STEPS || mapping.entrySet().stream().anyMatch(e -> e.getKey() == null
                || e.getValue() == null || e.getKey().length() > 255 || e.getValue().length() > 255)) {
            throw new LibraryException(MAPPING_REFUSED);
        }
        return new java.util.LinkedHashMap<>(mapping);
    }

    private ModelVersion[] processPair(UserContext actor, String fromId, String toId) {
        ModelVersion from = process(actor, fromId);
        ModelVersion to = process(actor, toId);
        if (from.id().equals(to.id()) || !from.key().equals(to.key())) {
            throw new LibraryException(NOT_A_PAIR);
        }
        return new ModelVersion[] { from, to };
    }

    public List<ModelIncident> incidents(UserContext actor) {
        admin(actor);
        return library.incidents();
    }

    public void retry(UserContext actor, String incidentId) {
        ModelIncident incident = incident(actor, incidentId);
        library.retry(incident.id());
        record(actor, "RETRY", incident.processInstanceId(), null, incident.stepName());
    }

    /** Ends the instance an incident stopped, giving the reason. */
    public void cancel(UserContext actor, String incidentId, String reason) {
        ModelIncident incident = incident(actor, incidentId);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > REASON_MAX) {
            throw new LibraryException("library.error.reason");
        }
        library.cancel(incident.id(), why);
        record(actor, "CANCEL", incident.processInstanceId(), null, why);
    }

    /** The library's record, newest first. */
    public List<AuditEntry> record(UserContext actor, int limit) {
        admin(actor);
        return audit.latest(Math.max(1, Math.min(limit, 500)));
    }

    private ModelVersion process(UserContext actor, String definitionId) {
        return entries(actor).stream().map(LibraryEntry::version)
                .filter(v -> v.kind() == ModelVersion.Kind.PROCESS && v.id().equals(definitionId)).findFirst()
                .orElseThrow(() -> new LibraryException(UNAVAILABLE));
    }

    private ModelIncident incident(UserContext actor, String incidentId) {
        return incidents(actor).stream().filter(i -> i.id().equals(incidentId)).findFirst()
                .orElseThrow(() -> new LibraryException(UNAVAILABLE));
    }

    private void record(UserContext actor, String action, String target, String deploymentId, String detail) {
        audit.insert(LocalDateTime.now(clock), actor.username(), action, cut(target, 255), deploymentId,
                cut(detail, 1000));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private static void admin(UserContext actor) {
        if (actor == null || !actor.has(AppRoles.ADMIN)) {
            throw new LibraryException(UNAVAILABLE);
        }
    }
}
