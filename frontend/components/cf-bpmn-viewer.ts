import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';

/**
 * <cf-bpmn-viewer>: renders BPMN XML read-only and marks elements.
 * Properties: xml, completed and active (comma-separated element ids).
 * Sets the attribute "rendered" once the diagram is drawn, "failed" if it could not be.
 */
class CfBpmnViewer extends HTMLElement {
  private viewer?: NavigatedViewer;
  private canvas?: HTMLDivElement;
  private values: Record<string, string> = { xml: '', completed: '', active: '' };

  static get observedProperties(): string[] {
    return ['xml', 'completed', 'active'];
  }

  constructor() {
    super();
    for (const name of CfBpmnViewer.observedProperties) {
      Object.defineProperty(this, name, {
        get: () => this.values[name],
        set: (v: string) => {
          this.values[name] = v ?? '';
          this.scheduleRender();
        },
      });
    }
  }

  connectedCallback(): void {
    if (!this.canvas) {
      this.canvas = document.createElement('div');
      this.canvas.className = 'cf-bpmn-canvas';
      this.appendChild(this.canvas);
      this.viewer = new NavigatedViewer({ container: this.canvas });
    }
    this.scheduleRender();
  }

  private pending = false;

  private scheduleRender(): void {
    if (this.pending) {
      return;
    }
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      void this.render();
    });
  }

  private async render(): Promise<void> {
    const xml = this.values.xml;
    if (!this.viewer || !xml) {
      return;
    }
    this.removeAttribute('rendered');
    try {
      await this.viewer.importXML(xml);
      const canvas = this.viewer.get('canvas') as any;
      const registry = this.viewer.get('elementRegistry') as any;
      const mark = (ids: string, marker: string) =>
        ids.split(',').filter((id) => id && registry.get(id)).forEach((id) => canvas.addMarker(id, marker));
      mark(this.values.completed, 'cf-completed');
      mark(this.values.active, 'cf-active');
      canvas.zoom('fit-viewport', 'auto');
      this.removeAttribute('failed');
      this.setAttribute('rendered', '');
    } catch (e) {
      this.setAttribute('failed', String(e));
    }
  }
}

customElements.define('cf-bpmn-viewer', CfBpmnViewer);
