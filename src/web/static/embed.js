// Förderlotse embed snippet: one <script> tag on a programme's site adds a chat button that opens /chat in an iframe.
//   <script src="https://foerderlotse.example.de/embed.js" data-locale="de-DE" data-accent-color="#0a5c8a"
//           data-position="right" data-title="KommA-Chat" async></script>
(function () {
  'use strict';

  var STRINGS = /*__WIDGET_STRINGS__*/ null;
  var script = document.currentScript;
  if (!script || !STRINGS || window.__foerderlotseEmbed) return;
  window.__foerderlotseEmbed = true;

  var data = script.dataset;
  var origin = new URL(script.src, location.href).origin;
  var locale = data.locale === 'en-US' || data.locale === 'en' ? 'en-US' : 'de-DE';
  var text = STRINGS[locale];
  var accent = /^#[0-9a-fA-F]{6}$/.test(data.accentColor || '') ? data.accentColor : '#0a5c8a';
  var side = data.position === 'left' ? 'left' : 'right';
  var label = data.title ? String(data.title).slice(0, 80) : text.chatRegion;

  var query = new URLSearchParams({ embed: '1', locale: locale, accent: accent });

  var panel = document.createElement('iframe');
  panel.title = label;
  panel.src = origin + '/chat?' + query.toString();
  panel.setAttribute('referrerpolicy', 'no-referrer');
  panel.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox');
  panel.hidden = true;
  var ps = panel.style;
  ps.position = 'fixed';
  ps.bottom = '88px';
  ps[side] = '16px';
  ps.width = 'min(400px, calc(100vw - 32px))';
  ps.height = 'min(640px, calc(100vh - 120px))';
  ps.border = '0';
  ps.borderRadius = '12px';
  ps.boxShadow = '0 8px 32px rgba(0,0,0,0.25)';
  ps.zIndex = '2147483000';
  ps.background = '#ffffff';

  var button = document.createElement('button');
  button.type = 'button';
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-label', text.openChat);
  button.title = text.openChat;
  var bs = button.style;
  bs.position = 'fixed';
  bs.bottom = '16px';
  bs[side] = '16px';
  bs.width = '60px';
  bs.height = '60px';
  bs.borderRadius = '50%';
  bs.border = '0';
  bs.cursor = 'pointer';
  bs.background = accent;
  bs.color = '#ffffff';
  bs.boxShadow = '0 4px 16px rgba(0,0,0,0.25)';
  bs.zIndex = '2147483001';
  bs.display = 'flex';
  bs.alignItems = 'center';
  bs.justifyContent = 'center';

  // A speech-bubble icon built with DOM calls, so no markup string is parsed on the host page.
  var svgNs = 'http://www.w3.org/2000/svg';
  var icon = document.createElementNS(svgNs, 'svg');
  icon.setAttribute('viewBox', '0 0 24 24');
  icon.setAttribute('width', '28');
  icon.setAttribute('height', '28');
  icon.setAttribute('aria-hidden', 'true');
  var path = document.createElementNS(svgNs, 'path');
  path.setAttribute('fill', 'currentColor');
  path.setAttribute('d', 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z');
  icon.appendChild(path);
  button.appendChild(icon);

  function setOpen(open) {
    panel.hidden = !open;
    button.setAttribute('aria-expanded', open ? 'true' : 'false');
    button.setAttribute('aria-label', open ? text.closeChat : text.openChat);
    button.title = open ? text.closeChat : text.openChat;
    if (open) panel.focus();
  }

  button.addEventListener('click', function () {
    setOpen(panel.hidden);
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && !panel.hidden) {
      setOpen(false);
      button.focus();
    }
  });

  function mount() {
    document.body.appendChild(panel);
    document.body.appendChild(button);
    if (data.open === 'true') setOpen(true);
  }
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount);
})();
