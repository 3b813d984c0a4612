type Replacements = Record<string, string>;

/** A bpmn.io translate function over our own dictionary; what is not listed stays as it is. */
export function translator(dictionary: Record<string, string>) {
  return (template: string, replacements?: Replacements): string => {
    const text = dictionary[template] ?? template;
    return text.replace(/{([^}]+)}/g, (_, key: string) => replacements?.[key] ?? `{${key}}`);
  };
}

/**
 * What the three editor elements (<cf-bpmn-modeler>, <cf-form-editor>, <cf-dmn-editor>) share with the server: a
 * text property (the model file) imported into the editor once the element is in the page, at most once per
 * microtask, the editor created on the first import; the attribute "rendered" once drawn, "failed" (with the
 * reason) if it could not be; and "cf-change" with the file as text (detail.<property>) after every change the user
 * makes, never for an import. Attribute "locale" (zh or en, read when first drawn) chooses the labels.
 */
export abstract class CfEditorElement extends HTMLElement {
  protected importing = false;
  private value = '';
  private pending = false;

  protected constructor(private readonly property: string) {
    super();
    Object.defineProperty(this, property, {
      get: () => this.value,
      set: (v: string) => {
        this.value = v ?? '';
        this.scheduleImport();
      },
    });
  }

  connectedCallback(): void {
    this.scheduleImport();
  }

  /** Whether the labels are Chinese. */
  protected get zh(): boolean {
    return (this.getAttribute('locale') ?? 'zh').startsWith('zh');
  }

  /** Whether the editor exists. */
  protected abstract get created(): boolean;

  /** Creates the editor in this element. */
  protected abstract create(): void;

  /** Draws this text in the editor. */
  protected abstract importText(text: string): Promise<void>;

  /** The editor's model as text. */
  protected abstract exportText(): Promise<string>;

  /** To call after every change in the editor: sends the model to the server unless it is being imported. */
  protected async changed(): Promise<void> {
    if (this.importing) {
      return;
    }
    const text = await this.exportText();
    this.value = text;
    this.dispatchEvent(new CustomEvent('cf-change', { detail: { [this.property]: text } }));
  }

  private scheduleImport(): void {
    if (this.pending || !this.isConnected) {
      return;
    }
    this.pending = true;
    queueMicrotask(() => {
      this.pending = false;
      void this.importValue();
    });
  }

  private async importValue(): Promise<void> {
    if (!this.value) {
      return;
    }
    if (!this.created) {
      this.create();
    }
    this.importing = true;
    try {
      await this.importText(this.value);
      this.removeAttribute('failed');
      this.setAttribute('rendered', '');
    } catch (e) {
      this.setAttribute('failed', String(e));
    } finally {
      this.importing = false;
    }
  }
}
