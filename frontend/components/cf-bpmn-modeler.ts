import CamundaPlatformModeler from 'camunda-bpmn-js/lib/camunda-platform/Modeler';
import 'camunda-bpmn-js/dist/assets/camunda-platform-modeler.css';
import './cf-bpmn-modeler.css';
import { ZH_CN } from './cf-bpmn-zh';

type Replacements = Record<string, string>;

function translator(dictionary: Record<string, string>) {
  return (template: string, replacements?: Replacements): string => {
    const text = dictionary[template] ?? template;
    return text.replace(/{([^}]+)}/g, (_, key: string) => replacements?.[key] ?? `{${key}}`);
  };
}

/**
 * <cf-bpmn-modeler>: the Camunda 7 BPMN modeller (camunda-bpmn-js, with its properties panel).
 * Attribute "locale" (zh or en, read when first drawn) chooses the labels. Property "xml" imports a diagram
 * (keeping the view and the selection). Fires "cf-change" (detail.xml) after every change the user makes and
 * "cf-select" (detail.id, detail.type, detail.name) when the selection changes; select(id) selects an element
 * and scrolls it into view. Sets the attribute "rendered" once a diagram is drawn, "failed" if it could not be.
 */
class CfBpmnModeler extends HTMLElement {
  private modeler?: any;
  private xmlValue = '';
  private importing = false;
  private pending = false;

  constructor() {
    super();
    Object.defineProperty(this, 'xml', {
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
    const canvas = document.createElement('div');
    canvas.className = 'cf-modeler-canvas';
    const panel = document.createElement('div');
    panel.className = 'cf-modeler-properties';
    this.append(canvas, panel);
    const zh = (this.getAttribute('locale') ?? 'zh').startsWith('zh');
    this.modeler = new CamundaPlatformModeler({
      container: canvas,
      propertiesPanel: { parent: panel },
      additionalModules: zh ? [{ translate: ['value', translator(ZH_CN)] }] : [],
    });
    const bus = this.modeler.get('eventBus');
    bus.on('commandStack.changed', () => {
      if (!this.importing) {
        void this.changed();
      }
    });
    bus.on('selection.changed', (e: any) => {
      const element = e.newSelection.length === 1 ? e.newSelection[0] : null;
      const bo = element?.businessObject;
      this.dispatchEvent(new CustomEvent('cf-select', {
        detail: { id: bo?.id ?? '', type: bo?.$type ?? '', name: bo?.name ?? '' },
      }));
    });
  }

  private async changed(): Promise<void> {
    const { xml } = await this.modeler.saveXML({ format: true });
    this.xmlValue = xml;
    this.dispatchEvent(new CustomEvent('cf-change', { detail: { xml } }));
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
    if (!this.modeler) {
      this.create();
    }
    const canvas = this.modeler.get('canvas');
    const first = !this.hasAttribute('rendered');
    const viewbox = first ? null : canvas.viewbox();
    const selected = first ? [] : this.modeler.get('selection').get().map((e: any) => e.id);
    this.importing = true;
    try {
      await this.modeler.importXML(this.xmlValue);
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
      this.removeAttribute('failed');
      this.setAttribute('rendered', '');
    } catch (e) {
      this.setAttribute('failed', String(e));
    } finally {
      this.importing = false;
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
