// A hostile page's script, loaded before any extension runs: it listens for every message and
// event a content script might send, re-dispatches anything that looks like WXT's start
// handshake (which used to switch the content script off), blindly forges that handshake and
// WXT's location event with the extension ids it is given in the query string, patches
// attachShadow to steal shadow roots, and claims the card's old element name. What it hears and
// steals is kept in window.__hostile for the test to read.
(() => {
  const hostile = { messages: [], heard: [], forgedRounds: 0, stolenRoots: [], claimedUpgrades: 0 };
  window.__hostile = hostile;
  window.addEventListener('message', (event) => {
    hostile.messages.push(JSON.stringify(event.data));
    const type = event.data && typeof event.data.type === 'string' ? event.data.type : '';
    if (type.includes('content-script-started')) {
      document.dispatchEvent(
        new CustomEvent(type, {
          detail: { contentScriptName: event.data.contentScriptName, messageId: 'forged' },
        }),
      );
    }
  });
  const ids = new URLSearchParams(location.search).getAll('id');
  const names = ['sourcelight', 'in-page', 'sourcelight.content'];
  for (const id of ids) {
    for (const name of names) {
      const started = `${id}:${name}:wxt:content-script-started`;
      document.addEventListener(started, (event) => {
        if (event.detail?.messageId !== 'forged') hostile.heard.push(started);
      });
      const moved = `${id}:${name}:wxt:locationchange`;
      window.addEventListener(moved, (event) => {
        if (!event.forged) hostile.heard.push(moved);
      });
    }
  }
  const forgeRound = () => {
    for (const id of ids) {
      for (const name of names) {
        document.dispatchEvent(
          new CustomEvent(`${id}:${name}:wxt:content-script-started`, {
            detail: { contentScriptName: name, messageId: 'forged' },
          }),
        );
        const moved = new Event(`${id}:${name}:wxt:locationchange`);
        moved.forged = true;
        window.dispatchEvent(moved);
      }
    }
    hostile.forgedRounds++;
  };
  forgeRound();
  const timer = setInterval(() => {
    forgeRound();
    if (hostile.forgedRounds >= 40) clearInterval(timer);
  }, 50);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    hostile.stolenRoots.push(attachShadow.call(this, init));
    return hostile.stolenRoots[hostile.stolenRoots.length - 1];
  };
  customElements.define(
    'sourcelight-card',
    class extends HTMLElement {
      connectedCallback() {
        hostile.claimedUpgrades++;
      }
    },
  );
})();
