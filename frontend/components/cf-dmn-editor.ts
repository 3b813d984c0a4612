import EditingManager from 'dmn-js-shared/lib/base/EditingManager';
import DecisionTableEditor from 'dmn-js-decision-table/lib/Editor';
import { is } from 'dmn-js-shared/lib/util/ModelUtil';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';
import './cf-dmn-editor.css';
import { DMN_ZH_CN } from './cf-dmn-zh';

type Replacements = Record<string, string>;

/**
 * dmn-js with one kind of view: the decision-table editor. The deployment guard (DmnRules) allows decision tables
 * only, so there is no DRD, no literal expression and no boxed expression to reach.
 */
class DecisionTablesOnly extends EditingManager {
  constructor(options: any) {
    super(options);
  }

  _getViewProviders() {
    return [{
      id: 'decisionTable',
      constructor: DecisionTableEditor,
      opens: (element: any) => is(element, 'dmn:Decision') && is(element.decisionLogic, 'dmn:DecisionTable'),
    }];
  }
}

function translator(dictionary: Record<string, string>) {
  return (template: string, replacements?: Replacements): string => {
    const text = dictionary[template] ?? template;
    return text.replace(/{([^}]+)}/g, (_, key: string) => replacements?.[key] ?? `{${key}}`);
  };
}

/**
 * <cf-dmn-editor>: the dmn-js decision-table editor. Attribute "locale" (zh or en, read when first drawn) chooses
 * the labels. Property "content" imports a DMN file (XML). Fires "cf-change" (detail.content) after every change
 * the user makes. Sets the attribute "rendered" once a table is drawn, "failed" if it could not be.
 */
class CfDmnEditor extends HTMLElement {
  editor?: any;
  private xmlValue = '';
  private importing = false;
  private pending = false;

  constructor() {
    super();
    Object.defineProperty(this, 'content', {
      get: () => this.xmlValue,
      set: (v: string) => {
        this.xmlValue = v ?? '';
        this.scheduleImport();
      },
    });
  }

  connectedCallback(): void {
    this.scheduleImport();
  }

  private create(): void {
    const zh = (this.getAttribute('locale') ?? 'zh').startsWith('zh');
    const element = this;
    class Changes {
      static $inject = ['eventBus'];

      constructor(eventBus: any) {
        eventBus.on('commandStack.changed', () => {
          if (!element.importing) {
            void element.changed();
          }
        });
      }
    }
    const modules: any[] = [{ __init__: ['cfChanges'], cfChanges: ['type', Changes] }];
    if (zh) {
      modules.push({ translate: ['value', translator(DMN_ZH_CN)] });
    }
    this.editor = new DecisionTablesOnly({ container: this, decisionTable: { additionalModules: modules } });
  }

  private async changed(): Promise<void> {
    const { xml } = await this.editor.saveXML({ format: true });
    this.xmlValue = xml;
    this.dispatchEvent(new CustomEvent('cf-change', { detail: { content: xml } }));
  }

  private scheduleImport(): void {
    if (this.pending || !this.isConnected) {
      return;
    }
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      void this.importXml();
    });
  }

  private async importXml(): Promise<void> {
    if (!this.xmlValue) {
      return;
    }
    if (!this.editor) {
      this.create();
    }
    this.importing = true;
    try {
      await this.editor.importXML(this.xmlValue);
      this.removeAttribute('failed');
      this.setAttribute('rendered', '');
    } catch (e) {
      this.setAttribute('failed', String(e));
    } finally {
      this.importing = false;
    }
  }
}

customElements.define('cf-dmn-editor', CfDmnEditor);
