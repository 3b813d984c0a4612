import EditingManager from 'dmn-js-shared/lib/base/EditingManager';
import DecisionTableEditor from 'dmn-js-decision-table/lib/Editor';
import { is } from 'dmn-js-shared/lib/util/ModelUtil';
import 'dmn-js/dist/assets/dmn-js-shared.css';
import 'dmn-js/dist/assets/dmn-js-decision-table.css';
import 'dmn-js/dist/assets/dmn-js-decision-table-controls.css';
import 'dmn-js/dist/assets/dmn-font/css/dmn-embedded.css';
import './cf-dmn-editor.css';
import { DMN_ZH_CN } from './cf-dmn-zh';
import { CfEditorElement, translator } from './cf-editor-element';


/**
 * The column types offered: Camunda 7's own types whose cells the deployment guard (DmnRules) accepts, FEEL
 * literals. Date, time and duration cells need FEEL functions the guard refuses, so they are not offered.
 */
const DATA_TYPES = ['string', 'boolean', 'integer', 'long', 'double'];

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

/**
 * <cf-dmn-editor>: the dmn-js decision-table editor, offering only the column types the guard accepts. Property
 * "content" imports a DMN file (XML); "cf-change" gives detail.content (see CfEditorElement). select(id) selects a
 * cell, a rule or a column (by the id of its inputEntry/outputEntry, rule, input or output) and scrolls it into view.
 */
class CfDmnEditor extends CfEditorElement {
  editor?: any;

  constructor() {
    super('content');
  }

  protected get created(): boolean {
    return this.editor !== undefined;
  }

  protected create(): void {
    const element = this;
    class Changes {
      static $inject = ['eventBus'];

      constructor(eventBus: any) {
        eventBus.on('commandStack.changed', () => void element.changed());
      }
    }
    const modules: any[] = [{ __init__: ['cfChanges'], cfChanges: ['type', Changes] }];
    if (this.zh) {
      modules.push({ translate: ['value', translator(DMN_ZH_CN)] });
    }
    this.editor = new DecisionTablesOnly({
      container: this, decisionTable: { additionalModules: modules, dataTypes: DATA_TYPES },
    });
  }

  protected async importText(text: string): Promise<void> {
    await this.editor.importXML(text);
  }

  protected async exportText(): Promise<string> {
    const { xml } = await this.editor.saveXML({ format: true });
    return xml;
  }

  /** Selects a cell (a rule's first cell for a rule, the head for a column) and scrolls it into view. */
  select(id: string): void {
    const escaped = CSS.escape(id);
    const node = this.querySelector(`td[data-element-id="${escaped}"]`)
      ?? this.querySelector(`[data-element-id="${escaped}"]`)
      ?? this.querySelector(`th[data-col-id="${escaped}"]`);
    if (!(node instanceof HTMLElement)) {
      return;
    }
    node.scrollIntoView({ block: 'center', inline: 'center' });
    // a rule's index cell is not selectable: its first cell is
    const row = node.closest('tr');
    const target = node.matches('.rule-index') && row
      ? row.querySelector('td[data-element-id]:not(.rule-index)') as HTMLElement ?? node : node;
    const editable = target.querySelector('[contenteditable]') as HTMLElement | null;
    (editable ?? target).click();
    editable?.focus();
  }
}
customElements.define('cf-dmn-editor', CfDmnEditor);
