import { UserConfigFn } from 'vite';
import { overrideVaadinConfig } from './vite.generated';

const customConfig: UserConfigFn = (env) => ({
  // Here you can add custom Vite parameters
  // https://vitejs.dev/config/
  resolve: {
    // one preact in the bundle: the form-js editor (which asks for preact <= 10.15.1 and gets its own copy) draws
    // the form-js viewer's fields, which use the top-level preact; two copies break the viewer's hooks
    dedupe: ['preact'],
  },
});

export default overrideVaadinConfig(customConfig);
