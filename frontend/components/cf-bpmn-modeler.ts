import CamundaPlatformModeler from 'camunda-bpmn-js/lib/camunda-platform/Modeler';
import 'camunda-bpmn-js/dist/assets/camunda-platform-modeler.css';
import './cf-bpmn-modeler.css';
import BPMN_JS_ZN from 'bpmn-js-i18n/translations/zn';
import { ZH_CN } from './cf-bpmn-zh';
import { CfEditorElement, translator } from './cf-editor-element';

/**
 * <cf-bpmn-modeler>: the Camunda 7 BPMN modeller (camunda-bpmn-js, with its properties panel).
 * Attribute "locale" (zh or en, read when first drawn) chooses the labels. Property "xml" imports a diagram
 * (keeping the view and the selection). Fires "cf-change" (detail.xml) after every change the user makes and
 * "cf-select" (detail.id, detail.type, detail.name) when the selection changes; select(id) selects an element
 * and scrolls it into view. Sets the attribute "rendered" once a diagram is drawn, "failed" if it could not be.
 */
class CfBpmnModeler extends CfEditorElement {
  private modeler?: any;

  constructor() {
    super('xml');
  }

  protected get created(): boolean {
    return this.modeler !== undefined;
  }

  protected create(): void {
    const canvas = document.createElement('div');
    canvas.className = 'cf-modeler-canvas';
    const panel = document.createElement('div');
    panel.className = 'cf-modeler-properties';
    this.append(canvas, panel);
    const zh = this.zh;
    this.modeler = new CamundaPlatformModeler({
      container: canvas,
      propertiesPanel: { parent: panel },
      // bpmn-js-i18n's dictionary of bpmn-js's core strings under ours (ours wins where both have a string)
      additionalModules: zh ? [{ translate: ['value', translator({ ...BPMN_JS_ZN, ...ZH_CN })] }] : [],
    });
    const bus = this.modeler.get('eventBus');
    bus.on('commandStack.changed', () => void this.changed());
    bus.on('selection.changed', (e: any) => {
      const element = e.newSelection.length === 1 ? e.newSelection[0] : null;
      const bo = element?.businessObject;
      this.dispatchEvent(new CustomEvent('cf-select', {
        detail: { id: bo?.id ?? '', type: bo?.$type ?? '', name: bo?.name ?? '' },
      }));
    });
  }

  protected async exportText(): Promise<string> {
    const { xml } = await this.modeler.saveXML({ format: true });
    return xml;
  }

  /** Draws the diagram, keeping the view and the selection after the first time. */
  protected async importText(xml: string): Promise<void> {
    const canvas = this.modeler.get('canvas');
    const first = !this.hasAttribute('rendered');
    const viewbox = first ? null : canvas.viewbox();
    const selected = first ? [] : this.modeler.get('selection').get().map((e: any) => e.id);
    await this.modeler.importXML(xml);
    if (viewbox) {
      canvas.viewbox(viewbox);
    } else {
      canvas.zoom('fit-viewport', 'auto');
    }
    const registry = this.modeler.get('elementRegistry');
    const again = selected.map((id: string) => registry.get(id)).filter((e: any) => e);
    if (again.length) {
      this.modeler.get('selection').select(again);
    }
  }

  /** Selects an element (for a process or a flow as well) and scrolls it into view. */
  select(id: string): void {
    if (!this.modeler) {
      return;
    }
    const registry = this.modeler.get('elementRegistry');
    const canvas = this.modeler.get('canvas');
    const element = registry.get(id) ?? registry.filter((e: any) => e.businessObject?.id === id)[0];
    if (!element) {
      return;
    }
    this.modeler.get('selection').select(element);
    if (element !== canvas.getRootElement() && element.waypoints === undefined) {
      canvas.scrollToElement(element);
    } else if (element.waypoints) {
      canvas.scrollToElement(element.source ?? element);
    }
  }
}

customElements.define('cf-bpmn-modeler', CfBpmnModeler);
