import { defineConfig } from 'wxt';

/**
 * Build configuration for Chrome (MV3) and Firefox (MV2).
 *
 * Firefox ships as MV2: its MV3 host permissions are opt-in after install, so an MV3
 * build would mark nothing until the user granted access site by site; MV2 content
 * scripts run on every page the user opens, which is what a reading aid needs.
 */
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: '.output',
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage'],
    // The content script (entrypoints/in-page/, built as an unlisted script: see its index.ts).
    content_scripts: [
      // match_about_blank: frames with no document of their own (about:blank, srcdoc) made by a
      // page are part of it; without this key neither browser injects into them.
      {
        matches: ['<all_urls>'],
        js: ['in-page.js'],
        run_at: 'document_idle',
        all_frames: true,
        match_about_blank: true,
      },
    ],
    action: { default_title: '__MSG_actionTitle__' },
    // Suggested keys that Chromium actually assigns (it leaves Alt+Shift+N and Alt+Shift+P
    // unassigned, commands.getAll() reporting an empty shortcut); the e2e test reads what each
    // browser assigned. Firefox MV2 names the toolbar button's command _execute_browser_action.
    commands: {
      [browser === 'firefox' ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandOpenPopup__',
      },
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: '__MSG_commandNextMention__',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandPreviousMention__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'sourcelight@sourcelight.dev',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  zip: {
    excludeSources: ['.output/**', 'node_modules/**', 'test-results/**'],
  },
});
