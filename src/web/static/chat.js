// Förderlotse chat page script, a file of its own so the page's CSP can forbid inline scripts.
(function () {
  'use strict';

  var cfg = document.body.dataset;
  var status = document.getElementById('fl-status');
  var host = document.getElementById('webchat');
  var accent = /^#[0-9a-fA-F]{6}$/.test(cfg.accent || '') ? cfg.accent : '#0a5c8a';

  function showStatus(text) {
    status.textContent = text;
    status.hidden = false;
  }

  // CSSOM writes are allowed by the CSP, unlike inline style attributes.
  document.documentElement.style.setProperty('--fl-accent', accent);

  if (!window.WebChat || !host) {
    showStatus(cfg.connectionFailed);
    return;
  }
  showStatus(cfg.connecting);

  fetch(cfg.tokenUrl, { method: 'GET', credentials: 'same-origin', cache: 'no-store', headers: { Accept: 'application/json' } })
    .then(function (res) {
      if (!res.ok) throw new Error('token request failed: ' + res.status);
      return res.json();
    })
    .then(function (data) {
      if (!data || typeof data.token !== 'string') throw new Error('token response without token');
      var directLine = window.WebChat.createDirectLine({
        domain: cfg.directLineDomain || location.origin + '/v3/directline',
        token: data.token,
        conversationStartProperties: { locale: cfg.locale }
      });
      directLine.connectionStatus$.subscribe(function (s) {
        // 2 = Online, 4 = FailedToConnect, 5 = Ended (botframework-directlinejs ConnectionStatus)
        if (s === 2) status.hidden = true;
        if (s === 4 || s === 5) showStatus(cfg.connectionFailed);
      });
      window.WebChat.renderWebChat(
        {
          directLine: directLine,
          locale: cfg.locale,
          nonce: cfg.styleNonce,
          overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: cfg.placeholder },
          styleOptions: {
            accent: accent,
            primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
            botAvatarInitials: cfg.botInitials,
            userAvatarInitials: cfg.userInitials,
            botAvatarBackgroundColor: accent,
            userAvatarBackgroundColor: '#5c6770',
            bubbleBorderRadius: 8,
            bubbleFromUserBorderRadius: 8,
            bubbleFromUserBackground: accent,
            bubbleFromUserBorderColor: accent,
            bubbleFromUserTextColor: '#ffffff',
            suggestedActionBorderColor: accent,
            suggestedActionTextColor: accent,
            suggestedActionBorderRadius: 16,
            sendBoxButtonColor: accent,
            hideUploadButton: true,
            // Markup in answers (e.g. quoted from a source) is shown as text instead of parsed; Web Chat still sanitises.
            markdownRenderHTML: false,
            rootHeight: '100%',
            rootWidth: '100%'
          }
        },
        host
      );
    })
    .catch(function () {
      showStatus(cfg.connectionFailed);
    });
})();
