// bpmn-js-i18n ships no type declarations: its Chinese dictionary of bpmn-js's core strings, which cf-bpmn-modeler.ts imports.
declare module 'bpmn-js-i18n/translations/zn' {
  const translations: Record<string, string>;
  export default translations;
}
