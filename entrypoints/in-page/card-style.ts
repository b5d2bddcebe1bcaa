/** The card's CSS, scoped to its shadow root; light and dark palettes with AA contrast. */
export const CARD_CSS = `
:host { all: initial; }
.announce { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.passage:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; border-radius: 4px; }
.wrap { position: fixed; top: 0; left: 0; width: max-content; z-index: 2147483647; }
.card {
  --bg: #ffffff; --fg: #1b1f24; --muted: #57606a; --line: #d0d7de; --accent: #9a3412; --quote: #f6f8fa; --focus: #0969da;
  box-sizing: border-box; width: min(420px, calc(100vw - 16px), var(--card-max-width, 100vw));
  max-height: min(560px, calc(100vh - 16px), var(--card-max-height, 100vh));
  display: flex; flex-direction: column; overflow: hidden;
  background: var(--bg); color: var(--fg); border: 1px solid var(--line); border-radius: 10px;
  box-shadow: 0 12px 32px rgba(0,0,0,.22); padding: 12px 14px;
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; text-align: left;
}
.dark .card { --bg: #1f2328; --fg: #e6edf3; --muted: #a8b3bf; --line: #3d444d; --accent: #fdba74; --quote: #2a2f36; --focus: #79c0ff; }
.card:focus { outline: none; }
.card :focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
.head { display: flex; align-items: baseline; gap: 8px; flex: none; }
.body { flex: 1 1 auto; min-height: 0; overflow: auto; overscroll-behavior: contain; }
.kind { font-size: 11px; text-transform: uppercase; letter-spacing: .06em; color: var(--accent); font-weight: 600; }
.name { margin: 0; font-size: 16px; font-weight: 650; flex: 1; }
.close { all: unset; cursor: pointer; font-size: 20px; line-height: 1; padding: 0 4px; color: var(--muted); border-radius: 4px; }
.description { margin: 4px 0 2px; color: var(--fg); }
.stats { margin: 0 0 8px; color: var(--muted); font-size: 12px; }
.passages { list-style: none; margin: 0; padding: 0; display: grid; gap: 10px; }
.quote { margin: 0; padding: 8px 10px; background: var(--quote); border-left: 3px solid var(--accent); border-radius: 4px; }
.quote strong { font-weight: 700; }
.caption-label { color: var(--muted); font-style: italic; }
.source { margin: 4px 0 2px; font-size: 12px; color: var(--muted); }
.outlet { font-weight: 600; color: var(--fg); }
.headline { color: var(--focus); font-style: normal; }
cite.headline { color: var(--fg); }
.copy, .search { all: unset; cursor: pointer; font-size: 12px; color: var(--focus); padding: 2px 4px; border-radius: 4px; }
.copy:hover, .search:hover { text-decoration: underline; }
.foot { margin-top: 10px; border-top: 1px solid var(--line); padding-top: 8px; flex: none; }
.empty { color: var(--muted); margin: 0; }
.scope { margin: 6px 0 0; font-size: 11px; color: var(--muted); }
@media (prefers-reduced-motion: no-preference) { .card { animation: appear .12s ease-out; } }
@keyframes appear { from { transform: translateY(4px); } to { transform: none; } }
`;
