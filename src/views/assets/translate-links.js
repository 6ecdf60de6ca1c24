// Public pages are the same for every visitor (and cached so). For a signed-in translator this
// script turns the "not yet translated" and "not yet reviewed" notes of their languages into
// links to the translation editor. Anonymous visitors cost nothing: the workspace sets the
// tsuzuri_ws hint cookie, and without it no request is made.
(function () {
  'use strict';
  var refs = document.querySelectorAll('.tr-ref[data-tr]');
  if (refs.length === 0 || !/(?:^|;\s*)tsuzuri_ws=1(?:;|$)/.test(document.cookie)) return;
  fetch('/admin/translator.json', { credentials: 'same-origin', headers: { accept: 'application/json' } })
    .then(function (res) {
      return res.ok ? res.json() : { langs: [] };
    })
    .then(function (me) {
      var langs = Array.isArray(me && me.langs) ? me.langs : [];
      if (langs.length === 0) {
        // Signed out (or no languages): forget the hint so later pages do not ask again.
        document.cookie = 'tsuzuri_ws=; path=/; max-age=0; samesite=lax';
        return;
      }
      var editor = typeof me.editor === 'string' ? me.editor : '/admin/translations';
      for (var i = 0; i < refs.length; i++) {
        // Each marker follows the note it belongs to.
        var marker = refs[i];
        var note = marker.previousElementSibling;
        var lang = marker.getAttribute('data-tr-lang') || '';
        var ref = (marker.getAttribute('data-tr') || '').split('/');
        if (!note || !/(^|\s)note(\s|$)/.test(note.className) || langs.indexOf(lang) < 0 || ref.length !== 3) continue;
        var a = document.createElement('a');
        a.href = editor + '/' + encodeURIComponent(lang) + '/' + ref.map(encodeURIComponent).join('/');
        a.className = 'note-edit';
        a.title = marker.getAttribute('data-tr-label') || '';
        while (note.firstChild) a.appendChild(note.firstChild);
        note.appendChild(a);
      }
    })
    .catch(function () {
      /* The notes stay plain text. */
    });
})();
