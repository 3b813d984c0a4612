import * as echarts from 'echarts';

/**
 * <cf-echart>: draws an Apache ECharts chart from its option given as a JSON string (property "option").
 * Sets the attribute "rendered" once drawn, "failed" when the option could not be read or drawn.
 * A click on a data item (a bar, a Sankey node or link) dispatches "cf-echart-click" whose detail says what was
 * clicked: dataType ("node", "edge" or empty), name, and the item's own "key" when the option gave it one.
 */
class CfEchart extends HTMLElement {
  private chart?: echarts.ECharts;
  private optionJson = '';
  private resizer?: ResizeObserver;

  get option(): string {
    return this.optionJson;
  }

  set option(value: string) {
    this.optionJson = value ?? '';
    this.render();
  }

  connectedCallback(): void {
    if (!this.chart) {
      this.chart = echarts.init(this);
      this.chart.on('click', (params: any) => {
        const data = params.data ?? {};
        this.dispatchEvent(new CustomEvent('cf-echart-click', {
          detail: {
            dataType: String(params.dataType ?? ''),
            name: String(params.name ?? ''),
            key: data.key == null ? '' : String(data.key),
          },
        }));
      });
      this.resizer = new ResizeObserver(() => this.chart?.resize());
      this.resizer.observe(this);
    }
    this.render();
  }

  disconnectedCallback(): void {
    this.resizer?.disconnect();
    this.resizer = undefined;
    this.chart?.dispose();
    this.chart = undefined;
  }

  private render(): void {
    if (!this.chart || !this.optionJson) {
      return;
    }
    this.removeAttribute('rendered');
    try {
      this.chart.setOption(JSON.parse(this.optionJson), true);
      this.removeAttribute('failed');
      this.setAttribute('rendered', '');
    } catch (e) {
      this.setAttribute('failed', String(e));
    }
  }
}

customElements.define('cf-echart', CfEchart);
