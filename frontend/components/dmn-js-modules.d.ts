// dmn-js's packages ship no type declarations: the modules cf-dmn-editor.ts imports, untyped.
declare module 'dmn-js-shared/lib/base/EditingManager';
declare module 'dmn-js-decision-table/lib/Editor';
declare module 'dmn-js-shared/lib/util/ModelUtil';
