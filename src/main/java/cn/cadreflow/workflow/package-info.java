/**
 * The workflow engine and the task centre, for every process, including one an administrator models later.
 * <p>
 * API (this package): {@link cn.cadreflow.workflow.ProcessStarts} (start forms, a start, a bulk start with
 * per-instance variables), {@link cn.cadreflow.workflow.TaskCommands} (签收, 通过/不通过, 退回, 转办, 委派, 加签,
 * 撤回, 批量审批, attachments), {@link cn.cadreflow.workflow.InstanceCommands} (撤回, 催办, 终止, 抄送),
 * {@link cn.cadreflow.workflow.WorkflowQueries} (待办, 已办, 我发起的, 抄送我的, task and instance detail, timeline,
 * diagram). Plug-in points a process module implements: {@link cn.cadreflow.workflow.ProcessHandler} (domain
 * checks and records), {@link cn.cadreflow.workflow.KnownDataProvider} (what forms prefill),
 * {@link cn.cadreflow.workflow.ProcessSteps} (the facade its BPMN calls: the only beans the engine resolves in
 * expressions).
 * <p>
 * Inside: {@code internal.engine} is the adapter to Camunda 7, the only code that imports {@code org.camunda}
 * (engine plugin, identity from our directory, CadreFlow's history level, the task read model fed by history
 * events, the engine's schema migration); {@code start}, {@code task}, {@code instance} run the commands;
 * {@code access} decides who may see and act (回避 included); {@code query} answers the lists from the read
 * model; {@code model} reads the BPMN (step kinds, forms, earlier steps); {@code form} renders and validates
 * form-js forms; {@code notify} is the bell and e-mail; {@code trail} is the record of every action;
 * {@code ui} holds the task-centre views ({@code inbox}, {@code task/:taskId}, {@code start}, {@code started},
 * {@code instance/:instanceId}, the printable 审批单 {@code print/:instanceId}).
 * <p>
 * Tables: {@code workflow_action}, {@code wf_task}, {@code wf_task_candidate}, {@code wf_copy},
 * {@code notification}, {@code wf_saved_opinion} (常用意见), {@code wf_task_draft} (暂存), and the engine's
 * {@code ACT_*} tables.
 */
@ApplicationModule(displayName = "workflow 流程与任务中心", allowedDependencies = { "ui", "i18n" })
package cn.cadreflow.workflow;

import org.springframework.modulith.ApplicationModule;
