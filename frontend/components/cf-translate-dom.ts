/**
 * Translates an editor's fixed English texts in place, for editors without a translation service of their own
 * (form-js): every text node and every title, placeholder and aria-label whose whole (trimmed) text is in the
 * dictionary, now and whenever the editor redraws. What a user typed (input values, the fields drawn on the
 * canvas, matched by the selector "keep") is never touched.
 * Returns a function that stops it.
 */
export function translateTexts(root: HTMLElement, dictionary: Record<string, string>, keep: string): () => void {
  const ATTRIBUTES = ['title', 'placeholder', 'aria-label'];
  const text = (node: Text) => {
    if (node.parentElement?.closest(keep)) {
      return;
    }
    const english = node.data.trim();
    const chinese = english ? dictionary[english] : undefined;
    if (chinese !== undefined && node.data !== chinese) {
      node.data = chinese;
    }
  };
  const element = (e: Element) => {
    for (const name of ATTRIBUTES) {
      const value = e.getAttribute(name);
      const chinese = value ? dictionary[value.trim()] : undefined;
      if (chinese !== undefined && value !== chinese) {
        e.setAttribute(name, chinese);
      }
    }
  };
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      text(node as Text);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) {
      return;
    }
    element(node as Element);
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.nodeType === Node.TEXT_NODE) {
        text(n as Text);
      } else {
        element(n as Element);
      }
    }
  };
  walk(root);
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') {
        text(r.target as Text);
      } else if (r.type === 'attributes') {
        element(r.target as Element);
      } else {
        r.addedNodes.forEach(walk);
      }
    }
  });
  observer.observe(root, {
    subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRIBUTES,
  });
  return () => observer.disconnect();
}
