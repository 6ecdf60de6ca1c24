// Item pages: the citation's accessed date is the reader's today (the page itself is cached for
// every reader, so the server can only print the day it was made), and a button copies the
// citation text. Without JavaScript the printed date and the text stay as they are.
(function () {
  'use strict';

  function pad(n) {
    return (n < 10 ? '0' : '') + n;
  }

  function updateAccessed(el) {
    var now = new Date();
    var day = now.getFullYear() + '-' + pad(now.getMonth() + 1) + '-' + pad(now.getDate());
    if (el.getAttribute('datetime') === day) return;
    try {
      var fmt = new Intl.DateTimeFormat(el.getAttribute('data-locale') || document.documentElement.lang, {
        year: 'numeric',
        month: 'long',
        day: 'numeric',
      });
      el.textContent = fmt.format(now);
      el.setAttribute('datetime', day);
    } catch {
      // An unknown locale keeps the printed date.
    }
  }

  function setUpCopy(button, text) {
    if (!navigator.clipboard || typeof navigator.clipboard.writeText !== 'function') return;
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(text.textContent.replace(/\s+/g, ' ').trim()).then(
        function () {
          button.textContent = button.getAttribute('data-copied') || label;
          setTimeout(function () {
            button.textContent = label;
          }, 2000);
        },
        function () {
          // Copying was refused (permissions); the text can still be selected by hand.
        },
      );
    });
  }

  function start() {
    var text = document.getElementById('citation-text');
    if (!text) return;
    var accessed = text.querySelector('time.citation-accessed');
    if (accessed) updateAccessed(accessed);
    var button = document.querySelector('.citation .citation-copy');
    if (button) setUpCopy(button, text);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
