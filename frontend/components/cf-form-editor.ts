import { FormEditor } from '@bpmn-io/form-js-editor';
import '@bpmn-io/form-js/dist/assets/form-js.css';
import '@bpmn-io/form-js/dist/assets/form-js-editor.css';
import '@bpmn-io/form-js-editor/dist/assets/dragula.css';
import '@bpmn-io/form-js/dist/assets/properties-panel.css';
import './cf-form-editor.css';
import { FORM_ZH_CN } from './cf-form-zh';
import { translateTexts } from './cf-translate-dom';

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

const RESTRICTIONS = {
  __init__: ['cfOnlyOurFields', 'cfOnlyOurProperties', 'cfOneFieldPerRow'],
  cfOnlyOurFields: ['type', OnlyOurFields],
  cfOnlyOurProperties: ['type', OnlyOurProperties],
  cfOneFieldPerRow: ['type', OneFieldPerRow],
};

/**
 * <cf-form-editor>: the form-js editor (palette, canvas, properties panel) restricted to what the task view
 * supports. Attribute "locale" (zh or en) chooses the labels. Property "content" imports a form (JSON text).
 * Fires "cf-change" (detail.content, the form as JSON) after every change. Sets the attribute "rendered" once
 * a form is drawn, "failed" if it could not be.
 */
class CfFormEditor extends HTMLElement {
  editor?: any;
  private contentValue = '';
  private importing = false;
  private pending = false;
  private stopTranslating?: () => void;

  constructor() {
    super();
    Object.defineProperty(this, 'content', {
      get: () => this.contentValue,
      set: (v: string) => {
        this.contentValue = v ?? '';
        this.scheduleImport();
      },
    });
  }

  connectedCallback(): void {
    this.scheduleImport();
  }

  disconnectedCallback(): void {
    this.stopTranslating?.();
    this.stopTranslating = undefined;
  }

  private create(): void {
    this.editor = new FormEditor({ container: this, additionalModules: [RESTRICTIONS] });
    if ((this.getAttribute('locale') ?? 'zh').startsWith('zh')) {
      this.stopTranslating = translateTexts(this, FORM_ZH_CN, '.fjs-form-field');
    }
    this.editor.on('changed', () => {
      if (!this.importing) {
        this.changed();
      }
    });
  }

  private changed(): void {
    const content = JSON.stringify(this.editor.saveSchema(), null, 2);
    this.contentValue = content;
    this.dispatchEvent(new CustomEvent('cf-change', { detail: { content } }));
  }

  private scheduleImport(): void {
    if (this.pending || !this.isConnected) {
      return;
    }
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      void this.importContent();
    });
  }

  private async importContent(): Promise<void> {
    if (!this.contentValue) {
      return;
    }
    if (!this.editor) {
      this.create();
    }
    this.importing = true;
    try {
      await this.editor.importSchema(JSON.parse(this.contentValue));
      this.removeAttribute('failed');
      this.setAttribute('rendered', '');
    } catch (e) {
      this.setAttribute('failed', String(e));
    } finally {
      this.importing = false;
    }
  }
}

customElements.define('cf-form-editor', CfFormEditor);
