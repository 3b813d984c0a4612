import { FormEditor } from '@bpmn-io/form-js-editor';
import '@bpmn-io/form-js/dist/assets/form-js.css';
import '@bpmn-io/form-js/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js-editor/dist/assets/dragula.css';
import '@bpmn-io/form-js/dist/assets/properties-panel.css';
import './cf-form-editor.css';
import { FORM_ZH_CN } from './cf-form-zh';
import { translateTexts } from './cf-translate-dom';
import { CfEditorElement } from './cf-editor-element';

/**
 * What CadreFlow's task view draws and the server validates (FormDefinition, the guard's FormRules): the only
 * form fields in the palette and the only properties in the panel. Anything else is hidden, so a form that looks
 * right here never breaks in a task; the server's guard still refuses anything else on deploy.
 */
const TYPES = ['default', 'textfield', 'textarea', 'number', 'datetime', 'select', 'radio', 'checkbox', 'text'];
const GROUPS: Record<string, string[] | null> = {
  general: ['id', 'label', 'date-label', 'key', 'text', 'decimalDigits', 'disabled', 'readonly'],
  staticOptions: null,
  validation: ['required', 'minLength', 'maxLength', 'pattern', 'min', 'max'],
};

/** Only our form fields in the palette (and in the editor at all). */
class OnlyOurFields {
  static $inject = ['formFields'];

  constructor(formFields: any) {
    for (const type of Object.keys(formFields._formFields)) {
      if (!TYPES.includes(type)) {
        delete formFields._formFields[type];
      }
    }
  }
}

/** Runs after the editor's own properties provider and keeps only the groups and entries listed above. */
class OnlyOurProperties {
  static $inject = ['propertiesPanel'];

  constructor(propertiesPanel: any) {
    propertiesPanel.registerProvider(this, 1);
  }

  getGroups() {
    return (groups: any[]) => groups.filter((group) => group.id in GROUPS).map((group) => {
      const keep = GROUPS[group.id];
      if (keep && group.entries) {
        group.entries = group.entries.filter((entry: any) =>
          keep.some((id) => entry.id === id || String(entry.id).endsWith('-' + id)));
      }
      return group;
    }).filter((group) => group.items || group.entries?.length);
  }
}

/** The task view draws one field per row: a field dropped into a row that holds another is refused. */
class OneFieldPerRow {
  static $inject = ['dragging', 'formLayouter'];

  constructor(dragging: any, layouter: any) {
    const validate = dragging.validateDrop.bind(dragging);
    dragging.validateDrop = (element: HTMLElement, target: HTMLElement) => {
      const row = target?.dataset?.rowId ? layouter.getRow(target.dataset.rowId) : null;
      const moved = (element.querySelector('.fjs-element') as HTMLElement | null)?.dataset.id;
      if (row && row.components.some((id: string) => id !== moved)) {
        return 'One field per row';
      }
      return validate(element, target);
    };
  }
}

/**
 * form-js names a new option "Value" (the next "Value 2", …) and a new date field's label "Date", in English
 * whatever the language: in a Chinese editor they start as 值 / 值 2 and 日期 instead. Only what the editor itself
 * just added is renamed; what the admin types is never touched.
 */
function chineseDefaults(eventBus: any): void {
  const OPTION = /^Value( \d+)?$/;
  const chinese = (v: any) => (OPTION.test(v?.label ?? '') ? { ...v, label: '值' + v.label.substring(5) } : v);
  // a field dragged from the palette, as form-js made it
  eventBus.on('commandStack.formField.add.preExecute', (event: any) => {
    const field = event.context.formField;
    if (Array.isArray(field.values)) {
      field.values = field.values.map(chinese);
    }
    if (field.dateLabel === 'Date') {
      field.dateLabel = '日期';
    }
  });
  // an option added in the properties panel (固定选项 → +) comes as an edit of the whole list
  eventBus.on('commandStack.formField.edit.preExecute', (event: any) => {
    const { formField, properties } = event.context;
    const values = properties?.values;
    if (Array.isArray(values) && values.length > (formField.values?.length ?? 0)) {
      const old = new Set(formField.values ?? []);
      properties.values = values.map((v: any) => (old.has(v) ? v : chinese(v)));
    }
  });
}

class ChineseDefaults {
  static $inject = ['eventBus'];

  constructor(eventBus: any) {
    chineseDefaults(eventBus);
  }
}

const RESTRICTIONS = {
  __init__: ['cfOnlyOurFields', 'cfOnlyOurProperties', 'cfOneFieldPerRow'],
  cfOnlyOurFields: ['type', OnlyOurFields],
  cfOnlyOurProperties: ['type', OnlyOurProperties],
  cfOneFieldPerRow: ['type', OneFieldPerRow],
};

/**
 * <cf-form-editor>: the form-js editor (palette, canvas, properties panel) restricted to what the task view
 * supports. Property "content" imports a form (JSON text); "cf-change" gives detail.content, the form as JSON (see
 * CfEditorElement). select(id) selects a field (by id, or by key) and scrolls it into view.
 */
class CfFormEditor extends CfEditorElement {
  editor?: any;
  private stopTranslating?: () => void;

  constructor() {
    super('content');
  }

  disconnectedCallback(): void {
    this.stopTranslating?.();
    this.stopTranslating = undefined;
  }

  protected get created(): boolean {
    return this.editor !== undefined;
  }

  protected create(): void {
    const modules: any[] = [RESTRICTIONS];
    if (this.zh) {
      modules.push({ __init__: ['cfChineseDefaults'], cfChineseDefaults: ['type', ChineseDefaults] });
    }
    this.editor = new FormEditor({ container: this, additionalModules: modules });
    if (this.zh) {
      this.stopTranslating = translateTexts(this, FORM_ZH_CN, '.fjs-form-field');
    }
    this.editor.on('changed', () => void this.changed());
  }

  protected async importText(text: string): Promise<void> {
    await this.editor.importSchema(JSON.parse(text));
  }

  protected async exportText(): Promise<string> {
    return JSON.stringify(this.editor.saveSchema(), null, 2);
  }

  /** Selects a field (the form itself for the form's id) and scrolls it into view. */
  select(id: string): void {
    if (!this.editor) {
      return;
    }
    const registry = this.editor.get('formFieldRegistry');
    const field = registry.get(id) ?? registry.getAll().find((f: any) => f.key === id);
    if (!field) {
      return;
    }
    this.editor.get('selection').set(field);
    this.querySelector(`.fjs-element[data-id="${CSS.escape(field.id)}"]`)
      ?.scrollIntoView({ block: 'center' });
  }
}

customElements.define('cf-form-editor', CfFormEditor);
